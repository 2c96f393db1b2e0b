-- Google → app: push channels on each person's dedicated calendar (the PRD's webhook_channels), the incremental sync
-- state per calendar, and what the mirror last wrote or saw of each room's event (so changes we made are not taken
-- back as changes a person made).

CREATE TABLE webhook_channels (
    channel_id    TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL,
    calendar_id   TEXT NOT NULL,
    resource_id   TEXT,
    token         TEXT NOT NULL,
    expiration_ts TIMESTAMPTZ NOT NULL,
    -- opening: recorded before events.watch is called (Google's first message may beat its answer); active: the channel
    -- Google sends to; replaced: a newer one took over, stopped once that one works; stopped: channels.stop done (or the
    -- channel is dead), kept for the record.
    status        TEXT NOT NULL CHECK (status IN ('opening', 'active', 'replaced', 'stopped')),
    confirmed_at  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    stopped_at    TIMESTAMPTZ
);
CREATE INDEX webhook_channels_user ON webhook_channels (user_id) WHERE status <> 'stopped';

CREATE TABLE calendar_sync (
    user_id      TEXT PRIMARY KEY,
    calendar_id  TEXT NOT NULL,
    -- null: the next sync is a full one
    sync_token   TEXT,
    -- a sync is wanted from then on (a push notification or the backstop); a burst is one sync
    requested_at TIMESTAMPTZ,
    -- every request counts; a sync that ends with the count it started from settles them all, else one more runs
    request_count BIGINT NOT NULL DEFAULT 0,
    claimed_count BIGINT,
    -- a replica syncing it holds it until then (the Google calls run outside any transaction, so pushes never wait)
    leased_until TIMESTAMPTZ,
    synced_at    TIMESTAMPTZ,
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT
);
CREATE INDEX calendar_sync_requested ON calendar_sync (requested_at) WHERE requested_at IS NOT NULL;

ALTER TABLE room_mirror ADD COLUMN start_utc TIMESTAMPTZ;
ALTER TABLE room_mirror ADD COLUMN end_utc TIMESTAMPTZ;
ALTER TABLE room_mirror ADD COLUMN guest_email TEXT;
CREATE INDEX room_mirror_event ON room_mirror (calendar_id, google_event_id);

-- The room event as scheduling-service announced it, passed on untouched when the change cannot reach Google.
ALTER TABLE mirror_job ADD COLUMN room_event TEXT;
