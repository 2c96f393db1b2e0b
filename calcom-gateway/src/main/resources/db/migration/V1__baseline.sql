-- Cal.com sends no delivery id: deliveries are deduplicated on a key derived from their content.
CREATE TABLE processed_webhook (
    dedup_key    TEXT PRIMARY KEY,
    trigger      TEXT NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
