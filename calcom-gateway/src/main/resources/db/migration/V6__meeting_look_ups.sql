-- Meetings still ahead are looked up at Cal.com now and then, for changes whose webhooks never came (docs/events.md,
-- "Changes Cal.com's webhooks did not tell"). ends_at is the end last announced (null for meetings announced before
-- it was kept: they are looked up once and their end kept then); looked_up_at when Cal.com was last asked.
ALTER TABLE meeting_state ADD COLUMN ends_at TIMESTAMPTZ, ADD COLUMN looked_up_at TIMESTAMPTZ;
CREATE INDEX meeting_state_to_look_up ON meeting_state (looked_up_at NULLS FIRST) WHERE NOT cancelled;
