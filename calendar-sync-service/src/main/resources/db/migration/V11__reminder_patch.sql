-- Events already on a person's own Google calendar whose reminders must follow the person's changed preferences
-- (reminder_preferences): one row per Google event, queued in the transaction that stores the new minutes; the worker sets
-- the event's reminders to the person's minutes at that moment (events.patch with only reminders, sendUpdates=none).
-- pending: due at next_attempt_at (retries back off exponentially with jitter), offered only while the person is
-- connected; done: set, or nothing to set (last_error says why: gone in Google, the session started); parked: Google
-- refused it for good (last_error says why; an operator decides).
CREATE TABLE reminder_patch (
    calendar_id     TEXT NOT NULL,
    google_event_id TEXT NOT NULL,
    person_id       TEXT NOT NULL,               -- the calendar's owner, Google "sub" (calendar_connection.google_account_id)
    kind            TEXT NOT NULL CHECK (kind IN ('room', 'interview')),
    subject_id      TEXT NOT NULL,               -- the room id or the interview id
    start_utc       TIMESTAMPTZ NOT NULL,        -- the session's start: once passed, the event is left alone
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'parked')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (calendar_id, google_event_id)
);
CREATE INDEX reminder_patch_due ON reminder_patch (next_attempt_at) WHERE status = 'pending';
CREATE INDEX reminder_patch_parked ON reminder_patch (updated_at) WHERE status = 'parked';

-- A person's future events are looked up when their preferences change.
CREATE INDEX room_mirror_host ON room_mirror (host_id) WHERE status = 'active';
CREATE INDEX interview_mirror_entry_member ON interview_mirror_entry (member_id);
