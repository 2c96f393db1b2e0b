-- An outbox row Kafka refuses for good (too large, an invalid topic, …) is set aside with the reason instead of
-- blocking the relay for every later event. Operators see them with
--   SELECT id, message_key, event_type, set_aside_at, set_aside_reason FROM outbox WHERE set_aside_at IS NOT NULL;
-- and send one again, once the cause is fixed, with UPDATE outbox SET set_aside_at = NULL WHERE id = …;
ALTER TABLE outbox ADD COLUMN set_aside_at TIMESTAMPTZ, ADD COLUMN set_aside_reason TEXT;
DROP INDEX outbox_unpublished;
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL AND set_aside_at IS NULL;
