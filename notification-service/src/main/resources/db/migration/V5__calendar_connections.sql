-- Who sends the invitation, Google or us (docs/operations.md): the latest calendar connection of each person, from
-- calendar-sync-service's calendar.connection-events.v1. An older change never replaces a newer one (changed_at).
CREATE TABLE calendar_connections (
    user_id     TEXT PRIMARY KEY,
    connected   BOOLEAN     NOT NULL,
    status      TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A mail Google sends instead of us is recorded as a delivery that never goes out (LEFT_TO_GOOGLE), so operators see
-- why no mail went; a mail not sent because the person already got one for the same change is SKIPPED_DUPLICATE.
ALTER TABLE delivery DROP CONSTRAINT delivery_status_check;
ALTER TABLE delivery ADD CONSTRAINT delivery_status_check
    CHECK (status IN ('PENDING', 'PARKED', 'SENT', 'SUPERSEDED', 'UNDELIVERABLE', 'LEFT_TO_GOOGLE'));
ALTER TABLE delivery_attempt DROP CONSTRAINT delivery_attempt_outcome_check;
ALTER TABLE delivery_attempt ADD CONSTRAINT delivery_attempt_outcome_check
    CHECK (outcome IN ('QUEUED', 'SENT', 'FAILED', 'SUPERSEDED', 'SKIPPED_STALE', 'LEFT_TO_GOOGLE', 'SKIPPED_DUPLICATE'));

-- One change (room, sequence, method) is emailed to a person at most once, whichever event queued it.
CREATE INDEX delivery_room_change ON delivery (room_id, sequence, method);
