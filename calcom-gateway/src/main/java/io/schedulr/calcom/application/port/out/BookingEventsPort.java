package io.schedulr.calcom.application.port.out;

import io.schedulr.calcom.domain.webhook.BookingChange;

/** Announces a booking change to the platform, in the caller's transaction (an outbox), sent after commit. */
public interface BookingEventsPort {
    void announce(BookingChange change);
}
