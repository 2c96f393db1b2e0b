-- A cancellation a look-up found may have been the host asking for another time (Cal.com's API does not tell the two
-- apart; the webhook would have said): such a meeting stays looked up until it is over, so that the new time the
-- attendee picks is announced even if its webhook never comes either (docs/events.md). Any announced change clears it.
ALTER TABLE meeting_state ADD COLUMN keep_looking BOOLEAN NOT NULL DEFAULT false;
DROP INDEX meeting_state_to_look_up;
CREATE INDEX meeting_state_to_look_up ON meeting_state (looked_up_at NULLS FIRST) WHERE NOT cancelled OR keep_looking;
