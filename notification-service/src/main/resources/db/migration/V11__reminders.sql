-- Email reminders before sessions (docs/notifications.md, "Reminders").

-- A person's reminder preferences (scheduling.reminder-preferences.v1, the latest record per person). People without a
-- row — and guests and contacts without a user id — get the defaults: 60 and 10 minutes before, by email.
CREATE TABLE reminder_preference (
    user_id    TEXT PRIMARY KEY,
    minutes    INTEGER[]   NOT NULL,
    channel    TEXT        NOT NULL CHECK (channel IN ('email', 'popup')),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Each booked room ('room:<roomId>') and scheduled interview ('interview:<id>') as reminders know it: the current
-- meeting (UID), its time, join link and everyone taking part, and the order guard (last SEQUENCE, cancelled).
CREATE TABLE reminder_session (
    session_key   TEXT PRIMARY KEY,
    ics_uid       TEXT        NOT NULL,
    title         TEXT        NOT NULL,
    start_utc     TIMESTAMPTZ NOT NULL,
    end_utc       TIMESTAMPTZ NOT NULL,
    join_url      TEXT,
    -- [{"userId": … or null, "email": …, "name": …, "timeZone": …, "role": …}], the organizer first
    people        JSONB       NOT NULL,
    cancelled     BOOLEAN     NOT NULL DEFAULT false,
    last_sequence INTEGER     NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- "Which upcoming sessions does this person take part in" when their preferences change.
CREATE INDEX reminder_session_people ON reminder_session USING GIN (people jsonb_path_ops);

-- One reminder to one person, offset_minutes before the session, due at due_at: planned PENDING, claimed SENDING (with a
-- lease), then SENT, SKIPPED (could no longer arrive before the start) or CANCELLED. Sent at most once per
-- (session, meeting, recipient, offset, due time).
CREATE TABLE reminder (
    id                BIGSERIAL PRIMARY KEY,
    session_key       TEXT        NOT NULL REFERENCES reminder_session (session_key),
    ics_uid           TEXT        NOT NULL,
    recipient_email   TEXT        NOT NULL,
    recipient_user_id TEXT,
    offset_minutes    INTEGER     NOT NULL CHECK (offset_minutes > 0),
    due_at            TIMESTAMPTZ NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'SKIPPED', 'CANCELLED')),
    attempts          INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMPTZ NOT NULL,
    lease_until       TIMESTAMPTZ,
    lease_token       UUID,
    sent_at           TIMESTAMPTZ,
    last_error        TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT reminder_once UNIQUE (session_key, ics_uid, recipient_email, offset_minutes, due_at)
);
CREATE INDEX reminder_due ON reminder (due_at) WHERE status = 'PENDING';
CREATE INDEX reminder_leased ON reminder (lease_until) WHERE status = 'SENDING';

-- Every decision about a reminder, for operators: SENT, SKIPPED_LATE, CANCELLED, FAILED (with the reason or error).
CREATE TABLE reminder_audit (
    id              BIGSERIAL PRIMARY KEY,
    reminder_id     BIGINT      NOT NULL REFERENCES reminder (id),
    session_key     TEXT        NOT NULL,
    recipient_email TEXT        NOT NULL,
    offset_minutes  INTEGER     NOT NULL,
    due_at          TIMESTAMPTZ NOT NULL,
    outcome         TEXT        NOT NULL CHECK (outcome IN ('SENT', 'SKIPPED_LATE', 'CANCELLED', 'FAILED')),
    detail          TEXT,
    -- the key of the mail's Message-ID (<key@domain of the from address>), the same for every attempt of one reminder
    message_key     TEXT,
    decided_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX reminder_audit_session ON reminder_audit (session_key, id);
