package io.schedulr.notification.domain;

import java.time.Instant;

/**
 * A provider's delivery or bounce notice about one message we sent.
 *
 * @param messageKey the local part of our Message-ID, which names the delivery
 */
public record EmailStatusNotice(String messageKey, EmailStatus status, String detail, Instant occurredAt) {
}
