-- Phase 3: availability slots. Only a booked slot becomes a practice room.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- A room that came from a slot ends when the slot ends; other rooms end after the default session length.
ALTER TABLE practice_rooms ADD COLUMN ends_at TIMESTAMPTZ;

CREATE TYPE slot_status AS ENUM ('open', 'booked', 'cancelled');

CREATE TABLE slots (
    id         UUID PRIMARY KEY,
    host_id    TEXT NOT NULL REFERENCES users (id),
    start_ts   TIMESTAMPTZ NOT NULL,
    end_ts     TIMESTAMPTZ NOT NULL,
    status     slot_status NOT NULL DEFAULT 'open',
    room_id    UUID UNIQUE REFERENCES practice_rooms (id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT slot_ends_after_start CHECK (end_ts > start_ts),
    -- Nothing half-made: a booked slot always has its room, and only a booked slot has one.
    CONSTRAINT booked_slot_has_room CHECK ((status = 'booked') = (room_id IS NOT NULL)),
    -- A host's open and booked slots never overlap; the database itself says no.
    CONSTRAINT slots_of_a_host_do_not_overlap EXCLUDE USING gist (
        host_id WITH =,
        tstzrange(start_ts, end_ts, '[)') WITH &&
    ) WHERE (status <> 'cancelled')
);
CREATE INDEX slots_open_by_start ON slots (start_ts) WHERE status = 'open';
CREATE INDEX slots_host ON slots (host_id, start_ts);
