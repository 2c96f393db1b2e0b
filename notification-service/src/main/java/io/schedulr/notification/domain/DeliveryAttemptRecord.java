package io.schedulr.notification.domain;

import java.time.Instant;
import java.util.List;

/** One audit row: an attempt (or a decision not to send) for one recipient of one room event, with provider notices. */
public record DeliveryAttemptRecord(long attemptId, Long deliveryId, String eventId, String roomId, String recipient,
                                    InviteMethod method, int sequence, DeliveryOutcome outcome, String error, Instant attemptedAt,
                                    String messageKey, DeliveryStatus deliveryStatus, List<StatusNotice> notices) {

    public record StatusNotice(EmailStatus status, String detail, Instant occurredAt, Instant receivedAt) {
    }
}
