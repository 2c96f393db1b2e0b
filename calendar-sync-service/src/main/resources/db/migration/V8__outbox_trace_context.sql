-- The W3C traceparent of the work that wrote the row; the relay sends the Kafka record in that trace.
ALTER TABLE outbox ADD COLUMN traceparent TEXT;
-- Likewise for a queued Google write: the job runs in the trace of the room event that queued it.
ALTER TABLE mirror_job ADD COLUMN traceparent TEXT;
