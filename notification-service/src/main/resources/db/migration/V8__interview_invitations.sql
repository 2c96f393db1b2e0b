-- Interview invitations (scheduling.interview-events.v1) go through the same delivery queue as rooms'. An interview's
-- deliveries and audit rows are filed under room_id = 'interview:<interview id>' (a room's id is a UUID, so the rooms'
-- deliveries API never shows them); the interview column holds what the mail needs beyond a room's: everyone taking part,
-- the change and the reason. NULL for rooms.
ALTER TABLE delivery ADD COLUMN interview JSONB;

-- What an interview's people were last told: the SEQUENCE of the last change handled and whether it was a CANCEL. A change
-- that is not newer (lower SEQUENCE, or the same unless a CANCEL follows a REQUEST) is not mailed.
CREATE TABLE interview_state (
    interview_id  TEXT PRIMARY KEY,
    ics_uid       TEXT        NOT NULL,
    last_sequence INTEGER     NOT NULL,
    cancelled     BOOLEAN     NOT NULL,
    last_event_id TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A person whose address cannot be mailed is audited as UNDELIVERABLE; the interview's other people are mailed.
ALTER TABLE delivery_attempt DROP CONSTRAINT delivery_attempt_outcome_check;
ALTER TABLE delivery_attempt ADD CONSTRAINT delivery_attempt_outcome_check
    CHECK (outcome IN ('QUEUED', 'SENT', 'FAILED', 'SUPERSEDED', 'SKIPPED_STALE', 'LEFT_TO_GOOGLE', 'SKIPPED_DUPLICATE', 'UNDELIVERABLE'));
