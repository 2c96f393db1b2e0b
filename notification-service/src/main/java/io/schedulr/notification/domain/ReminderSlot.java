package io.schedulr.notification.domain;

import java.time.Instant;

/**
 * One reminder to one person: {@code offsetMinutes} before the session, due at {@code dueAt}. With the session and its UID
 * this is the reminder's identity: it is sent at most once.
 */
public record ReminderSlot(String recipientEmail, String recipientUserId, int offsetMinutes, Instant dueAt) {

    /** The identity without the user id (the same person, address and moment). */
    public String identity() {
        return recipientEmail + "|" + offsetMinutes + "|" + dueAt;
    }
}
