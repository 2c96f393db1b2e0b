-- Each person's Google Calendar connection as calendar-sync-service last announced it (topic
-- calendar.connection-events.v1). The calendar gate reads it by primary key on every core write. No foreign key to
-- users: a person may connect before scheduling-service has seen them.
CREATE TABLE calendar_connections (
    user_id     TEXT PRIMARY KEY,
    status      TEXT        NOT NULL CHECK (status IN ('connected', 'not_connected', 'revoked')),
    reason      TEXT,
    calendar_id TEXT,
    -- The CloudEvent's time: when calendar-sync-service made the change. An older change never replaces a newer one.
    changed_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
