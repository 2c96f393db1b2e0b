-- People, upserted from their token's claims on each authenticated call. id = the token subject.
CREATE TABLE users (
    id           TEXT PRIMARY KEY,
    email        TEXT NOT NULL,
    display_name TEXT NOT NULL,
    time_zone    TEXT NOT NULL DEFAULT 'UTC',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE practice_rooms (
    id           UUID PRIMARY KEY,
    host_id      TEXT NOT NULL REFERENCES users (id),
    guest_id     TEXT REFERENCES users (id),
    stage        TEXT,
    room_url     TEXT NOT NULL,
    private      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    datetime_utc TIMESTAMPTZ NOT NULL,
    -- The calendar invitation's UID: set once at creation, never changed.
    ics_uid      UUID NOT NULL UNIQUE,
    -- The invitation's SEQUENCE: rises when the time changes and on cancellation.
    ics_sequence INTEGER NOT NULL DEFAULT 0,
    version      BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT guest_is_not_host CHECK (guest_id IS NULL OR guest_id <> host_id)
);
CREATE INDEX practice_rooms_open ON practice_rooms (datetime_utc) WHERE guest_id IS NULL AND NOT private;
CREATE INDEX practice_rooms_host ON practice_rooms (host_id, datetime_utc);
CREATE INDEX practice_rooms_guest ON practice_rooms (guest_id, datetime_utc);

CREATE TABLE practice_rounds (
    id            UUID PRIMARY KEY,
    room_id       UUID NOT NULL REFERENCES practice_rooms (id),
    round_number  INTEGER NOT NULL,
    candidate_id  TEXT,
    case_brief_id TEXT,
    transcript    TEXT,
    assessment    TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT one_round_number_per_room UNIQUE (room_id, round_number)
);

-- Who did what, when, with the room before and after.
CREATE TABLE audit_log (
    id          BIGSERIAL PRIMARY KEY,
    actor_id    TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    before      JSONB,
    after       JSONB,
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, id);

-- Transactional outbox: written in the same transaction as the change, published to Kafka by the relay.
CREATE TABLE outbox (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID NOT NULL UNIQUE,
    topic        TEXT NOT NULL,
    message_key  TEXT NOT NULL,
    event_type   TEXT NOT NULL,
    payload      JSONB NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;

-- Wakes the relay as soon as a transaction that wrote to the outbox commits.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
