-- Event ids this service has applied; Kafka delivers at least once.
CREATE TABLE consumed_event (
    event_id    TEXT PRIMARY KEY,
    consumed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
