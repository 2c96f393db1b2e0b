-- How far Cal.com's list of bookings (GET /v2/bookings, by creation time) has been read, so that a booking made on
-- Cal.com directly whose BOOKING_CREATED never came is still found and announced (docs/events.md, "Changes Cal.com's
-- webhooks did not tell"). One row; listed_at stamps the replica reading it, so two never read the same stretch at once.
-- The list is read from when this migration ran: bookings made before were the webhooks' alone, as until now.
CREATE TABLE booking_listing (
    id           SMALLINT PRIMARY KEY CHECK (id = 1),
    listed_until TIMESTAMPTZ NOT NULL,
    listed_at    TIMESTAMPTZ
);
INSERT INTO booking_listing (id, listed_until) VALUES (1, now());
