-- A mail to tell an invitation's organizer that the invitation (or cancellation) they sent someone did not arrive: the
-- mail provider reported it BOUNCED or REJECTED (docs/notifications.md, "When an invitation does not arrive"). Planned in
-- the transaction that records the report, at most once per delivery; claimed by one sender at a time (FOR UPDATE SKIP
-- LOCKED and a lease), PENDING until SENT, or GIVEN_UP after the configured number of refused attempts.
CREATE TABLE bounce_alert (
    id              BIGSERIAL PRIMARY KEY,
    delivery_id     BIGINT      NOT NULL UNIQUE REFERENCES delivery (id),
    -- the provider's report that caused it: status and diagnostic
    report_status   TEXT        NOT NULL CHECK (report_status IN ('BOUNCED', 'REJECTED')),
    report_detail   TEXT,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'GIVEN_UP')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    lease_until     TIMESTAMPTZ,
    lease_token     UUID,
    last_error      TEXT,
    sent_at         TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX bounce_alert_due ON bounce_alert (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX bounce_alert_leased ON bounce_alert (lease_until) WHERE status = 'SENDING';
