-- The W3C traceparent of the work that wrote the row; the relay sends the Kafka record in that trace.
ALTER TABLE outbox ADD COLUMN traceparent TEXT;
