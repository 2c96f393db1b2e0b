-- Room changes waiting for (or done on) the host's Google Calendar, one per room event (keyed by its CloudEvent id).
-- pending: due at next_attempt_at (retries back off exponentially with jitter); done; dropped (stale: an older sequence,
-- or a change after the cancellation); parked (Google refused it for good: last_error says why; an operator decides).
CREATE TABLE mirror_job (
    event_id        TEXT PRIMARY KEY,
    id              BIGSERIAL NOT NULL UNIQUE,
    room_id         TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('booked', 'rescheduled', 'cancelled')),
    sequence        INTEGER NOT NULL,
    host_id         TEXT NOT NULL,
    ics_uid         TEXT NOT NULL,
    time_zone       TEXT NOT NULL,
    guest_email     TEXT,
    guest_name      TEXT,
    title           TEXT NOT NULL,
    room_url        TEXT,
    start_utc       TIMESTAMPTZ NOT NULL,
    end_utc         TIMESTAMPTZ NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'dropped', 'parked')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX mirror_job_due ON mirror_job (next_attempt_at) WHERE status = 'pending';
CREATE INDEX mirror_job_room ON mirror_job (room_id, sequence, id) WHERE status = 'pending';
CREATE INDEX mirror_job_parked ON mirror_job (updated_at) WHERE status = 'parked';

-- Each room's event on its host's dedicated calendar (the PRD's google_event_id, mapped to ics_uid).
CREATE TABLE room_mirror (
    room_id         TEXT PRIMARY KEY,
    ics_uid         TEXT NOT NULL,
    google_event_id TEXT,
    host_id         TEXT NOT NULL,
    calendar_id     TEXT NOT NULL,
    last_sequence   INTEGER NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('active', 'cancelled')),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX room_mirror_ics_uid ON room_mirror (ics_uid);

-- Every call made to Google for a room: who, what, how it ended.
CREATE TABLE google_call_audit (
    id        BIGSERIAL PRIMARY KEY,
    at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    room_id   TEXT,
    person_id TEXT NOT NULL,
    operation TEXT NOT NULL,
    outcome   TEXT NOT NULL
);
CREATE INDEX google_call_audit_room ON google_call_audit (room_id, at);
