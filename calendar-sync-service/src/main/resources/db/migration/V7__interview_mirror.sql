-- Interviews (scheduling.interview-events.v1) on the team's dedicated calendars.

-- One row per interview: the latest change taken in, against which later, replayed or older ones are judged.
CREATE TABLE interview_mirror (
    interview_id  TEXT PRIMARY KEY,
    last_sequence INTEGER NOT NULL,
    -- the latest change dropped the meeting (cancelled, or the host asked for another time)
    cancelled     BOOLEAN NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per (interview, team member with a connected calendar): what their dedicated calendar should show, what Google
-- shows as far as we know, and — while the two differ — the queued work. pending: due at next_attempt_at (retries back
-- off exponentially with jitter); done: Google shows it; parked: Google refused it for good (last_error says why).
CREATE TABLE interview_mirror_entry (
    interview_id     TEXT NOT NULL REFERENCES interview_mirror (interview_id),
    member_id        TEXT NOT NULL,               -- the member's Google "sub" (calendar_connection.google_account_id)
    member_email     TEXT,                        -- the address they take part under (members without a user id)
    google_event_id  TEXT NOT NULL,               -- derived from the interview id: the same on each member's calendar
    calendar_id      TEXT,                        -- where the event was put; null until it was
    sequence         INTEGER NOT NULL,            -- the interview's SEQUENCE the wanted state comes from
    shown            BOOLEAN NOT NULL,            -- false: cancelled, or the member left the interview
    summary          TEXT NOT NULL,
    description      TEXT NOT NULL,
    location         TEXT,
    start_utc        TIMESTAMPTZ NOT NULL,
    end_utc          TIMESTAMPTZ NOT NULL,
    time_zone        TEXT NOT NULL,
    ics_uid          TEXT NOT NULL,
    applied          TEXT CHECK (applied IN ('shown', 'removed')),
    applied_sequence INTEGER NOT NULL DEFAULT -1,
    status           TEXT NOT NULL CHECK (status IN ('pending', 'done', 'parked')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (interview_id, member_id)
);
CREATE INDEX interview_mirror_entry_due ON interview_mirror_entry (next_attempt_at) WHERE status = 'pending';
CREATE INDEX interview_mirror_entry_parked ON interview_mirror_entry (updated_at) WHERE status = 'parked';

-- Team members who have no user id in an interview are found by the address they connected with.
CREATE INDEX calendar_connection_email ON calendar_connection (lower(email));

COMMENT ON COLUMN google_call_audit.room_id IS 'the room, or for operations named "interview …" the interview, the call was for';
