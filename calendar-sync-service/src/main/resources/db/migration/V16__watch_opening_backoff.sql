-- A push channel Google would not open for a person (refused, or failing): the next attempt waits, growing with each
-- failure, so one person's calendar is not asked for every watch round; opening one clears it.
CREATE TABLE watch_opening_backoff (
    user_id         TEXT PRIMARY KEY,
    failures        INTEGER NOT NULL,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT
);
