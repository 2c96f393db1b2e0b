-- One row per person who has ever started connecting their Google Calendar (the PRD's data model).
CREATE TABLE calendar_connection (
    google_account_id    TEXT PRIMARY KEY,          -- the Google "sub": the stable key, never the email
    email                TEXT,
    status               TEXT NOT NULL CHECK (status IN ('connected', 'not_connected', 'revoked')),
    reason               TEXT CHECK (reason IN ('user', 'revoked', 'scopes_missing')),
    google_refresh_token TEXT,                      -- sealed: v1:<key id>:<AES-256-GCM>; null unless connected
    calendar_id          TEXT,                      -- the dedicated "Schedulr Meetings" calendar; kept after a disconnect
    connected_at         TIMESTAMPTZ,
    checked_at           TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT connected_has_token CHECK (status <> 'connected' OR (google_refresh_token IS NOT NULL AND calendar_id IS NOT NULL))
);
CREATE INDEX calendar_connection_due ON calendar_connection (checked_at) WHERE status = 'connected';

-- OAuth consent attempts in flight: each state is good for one callback before it expires.
CREATE TABLE oauth_state (
    nonce             TEXT PRIMARY KEY,
    google_account_id TEXT NOT NULL,
    code_verifier     TEXT NOT NULL,
    expires_at        TIMESTAMPTZ NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Connection changes waiting for Kafka; written in the same transaction as the change.
CREATE TABLE outbox (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID NOT NULL UNIQUE,
    topic        TEXT NOT NULL,
    message_key  TEXT NOT NULL,
    event_type   TEXT NOT NULL,
    payload      TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
