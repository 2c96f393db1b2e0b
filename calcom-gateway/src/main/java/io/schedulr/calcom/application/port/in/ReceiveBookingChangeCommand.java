package io.schedulr.calcom.application.port.in;

import io.schedulr.calcom.domain.webhook.BookingChange;

import java.util.Objects;

/**
 * @param change  the change, already translated from Cal.com's wire format
 * @param rawBody the exact bytes Cal.com signed, kept for audit
 */
public record ReceiveBookingChangeCommand(BookingChange change, byte[] rawBody) {
    public ReceiveBookingChangeCommand {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(rawBody, "rawBody");
    }
}
