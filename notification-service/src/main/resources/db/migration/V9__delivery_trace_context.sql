-- The W3C traceparent of the event that queued the mail; the SMTP send continues that trace.
ALTER TABLE delivery ADD COLUMN traceparent TEXT;
