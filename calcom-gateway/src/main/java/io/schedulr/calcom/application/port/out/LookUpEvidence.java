package io.schedulr.calcom.application.port.out;

import io.schedulr.calcom.domain.webhook.BookingChange;

/** What the delivery audit keeps for a change found by a look-up, in place of Cal.com's signed bytes. */
public interface LookUpEvidence {
    /** The Cal.com requests whose answers showed the change ({@code request}), and the change. */
    byte[] of(String request, BookingChange change);
}
