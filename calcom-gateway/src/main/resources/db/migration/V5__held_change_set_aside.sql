-- A held Cal.com change this version can no longer read (a rule tightened since it was stored, a field renamed) is set
-- aside with the reason instead of failing its meeting's every later delivery and the releaser's every round. Operators
-- see them with
--   SELECT dedup_key, ical_uid, set_aside_at, set_aside_reason, change FROM held_change WHERE set_aside_at IS NOT NULL;
-- The delivery's body stays in webhook_delivery (outcome 'held').
ALTER TABLE held_change ADD COLUMN set_aside_at TIMESTAMPTZ, ADD COLUMN set_aside_reason TEXT;
DROP INDEX held_change_received_at;
CREATE INDEX held_change_waiting_since ON held_change (received_at) WHERE set_aside_at IS NULL;
