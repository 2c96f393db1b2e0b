package io.schedulr.calcom.application.port.in;

import io.schedulr.calcom.domain.webhook.BookingChange;

/**
 * Takes one authentic Cal.com booking delivery: keeps it for audit, drops it when the same change was already taken,
 * and announces it in meeting order. Runs in the caller's transaction.
 */
public interface ReceiveBookingChangeUseCase {
    WebhookReceipt receive(ReceiveBookingChangeCommand command);

    /** Whether this change was taken already (by its webhook or an earlier look-up). */
    boolean taken(BookingChange change);
}
