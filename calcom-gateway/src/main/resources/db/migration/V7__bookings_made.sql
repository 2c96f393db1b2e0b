-- Bookings made through this service (POST /api/calcom/bookings), kept until their meeting is announced (meeting_state),
-- so that one whose BOOKING_CREATED never came (Cal.com gave up, or the subscription's secret is wrong) is still looked
-- up at Cal.com and announced (docs/events.md, "Changes Cal.com's webhooks did not tell").
CREATE TABLE booking_made (
    ical_uid     TEXT PRIMARY KEY,
    uid          TEXT NOT NULL,
    ends_at      TIMESTAMPTZ NOT NULL,
    made_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    looked_up_at TIMESTAMPTZ
);
CREATE INDEX booking_made_to_look_up ON booking_made (looked_up_at NULLS FIRST);
