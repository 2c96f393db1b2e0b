-- Cal.com webhooks (docs/events.md, "calcom.booking-events.v1"). processed_webhook (V1) holds the dedup keys
-- (trigger:uid:iCalSequence) of the changes already taken.

-- Every authentic delivery, byte for byte as Cal.com signed it, with what became of it (audit).
CREATE TABLE webhook_delivery (
    id          BIGSERIAL PRIMARY KEY,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    trigger     TEXT NOT NULL,
    dedup_key   TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('published', 'held', 'duplicate', 'stale')),
    body        TEXT NOT NULL
);
CREATE INDEX webhook_delivery_dedup_key ON webhook_delivery (dedup_key);
CREATE INDEX webhook_delivery_received_at ON webhook_delivery (received_at);

-- How far each meeting (iCalUID) has been announced: never moves backwards.
CREATE TABLE meeting_state (
    ical_uid   TEXT PRIMARY KEY,
    sequence   INT NOT NULL,
    cancelled  BOOLEAN NOT NULL,
    uid        TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Changes that arrived before their predecessor, waiting for it (or for the reorder window to end).
CREATE TABLE held_change (
    dedup_key   TEXT PRIMARY KEY,
    ical_uid    TEXT NOT NULL,
    position    INT NOT NULL,
    change      TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX held_change_meeting ON held_change (ical_uid, position);
CREATE INDEX held_change_received_at ON held_change (received_at);

-- Booking events waiting for Kafka (jdbc-outbox); written in the same transaction as the delivery.
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
