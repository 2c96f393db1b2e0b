-- Each person's reminder preferences as scheduling-service last announced them (scheduling.reminder-preferences.v1, a
-- compacted topic: the latest record per person is the state). The minutes become the on-screen (popup) reminders of the
-- events written on the person's own Google calendar; email reminders come from notification-service only. A person
-- without a row has the contract's defaults, 60 and 10 minutes.
CREATE TABLE reminder_preferences (
    user_id          TEXT PRIMARY KEY,          -- the person's Google "sub" (calendar_connection.google_account_id)
    reminder_minutes INTEGER[] NOT NULL,        -- largest first, at most 3; empty: no reminders
    reminder_channel TEXT NOT NULL CHECK (reminder_channel IN ('email', 'popup')),
    event_id         TEXT NOT NULL,             -- the CloudEvent the row comes from
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
