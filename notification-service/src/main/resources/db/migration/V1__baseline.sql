-- Event ids this service has applied; Kafka delivers at least once.
CREATE TABLE consumed_event (
    event_id    TEXT PRIMARY KEY,
    room_id     TEXT,
    consumed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- What people were last told about each room: guards per-room order (no stale REQUEST after a CANCEL).
CREATE TABLE room_state (
    room_id       TEXT PRIMARY KEY,
    last_sequence INTEGER     NOT NULL,
    cancelled     BOOLEAN     NOT NULL,
    last_event_id TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One mail to one person about one event: the durable queue. (event_id, recipient_email) is sent at most once.
CREATE TABLE delivery (
    id              BIGSERIAL PRIMARY KEY,
    event_id        TEXT        NOT NULL,
    room_id         TEXT        NOT NULL,
    method          TEXT        NOT NULL CHECK (method IN ('REQUEST', 'CANCEL')),
    sequence        INTEGER     NOT NULL,
    ics_uid         TEXT        NOT NULL,
    title           TEXT        NOT NULL,
    start_utc       TIMESTAMPTZ NOT NULL,
    end_utc         TIMESTAMPTZ NOT NULL,
    room_url        TEXT,
    organizer_email TEXT        NOT NULL,
    organizer_name  TEXT        NOT NULL,
    organizer_tz    TEXT        NOT NULL,
    attendee_email  TEXT        NOT NULL,
    attendee_name   TEXT        NOT NULL,
    attendee_tz     TEXT        NOT NULL,
    recipient_email TEXT        NOT NULL,
    recipient_name  TEXT        NOT NULL,
    recipient_tz    TEXT        NOT NULL,
    message_key     TEXT        NOT NULL UNIQUE,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'PARKED', 'SENT', 'SUPERSEDED')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_until     TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ,
    CONSTRAINT delivery_once UNIQUE (event_id, recipient_email)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status IN ('PENDING', 'PARKED');
CREATE INDEX delivery_room_recipient ON delivery (room_id, recipient_email, id);

-- Audit: every attempt, and every decision not to send, for operators.
CREATE TABLE delivery_attempt (
    id           BIGSERIAL PRIMARY KEY,
    delivery_id  BIGINT REFERENCES delivery (id),
    event_id     TEXT        NOT NULL,
    room_id      TEXT        NOT NULL,
    recipient    TEXT        NOT NULL,
    method       TEXT        NOT NULL,
    sequence     INTEGER     NOT NULL,
    outcome      TEXT        NOT NULL CHECK (outcome IN ('QUEUED', 'SENT', 'FAILED', 'SUPERSEDED', 'SKIPPED_STALE')),
    error        TEXT,
    attempted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX delivery_attempt_room ON delivery_attempt (room_id, id);
CREATE INDEX delivery_attempt_delivery ON delivery_attempt (delivery_id);

-- Provider delivery/bounce notices (POST /api/hooks/email-status), each against the attempt that sent the message.
CREATE TABLE email_status_notice (
    id          BIGSERIAL PRIMARY KEY,
    attempt_id  BIGINT      NOT NULL REFERENCES delivery_attempt (id),
    status      TEXT        NOT NULL,
    detail      TEXT,
    occurred_at TIMESTAMPTZ,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX email_status_notice_attempt ON email_status_notice (attempt_id);
