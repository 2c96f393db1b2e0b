-- Each person's reminder choices (GET|PUT /api/me/preferences); a person without a row has the defaults (60 and 10 minutes, email).
CREATE TABLE user_preferences (
    user_id          TEXT PRIMARY KEY,
    reminder_minutes INTEGER[]   NOT NULL CHECK (cardinality(reminder_minutes) <= 3),
    reminder_channel TEXT        NOT NULL CHECK (reminder_channel IN ('email', 'popup')),
    version          BIGINT      NOT NULL DEFAULT 0,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
