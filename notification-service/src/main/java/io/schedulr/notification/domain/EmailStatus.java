package io.schedulr.notification.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a mail provider reports about a sent message. */
public enum EmailStatus {
    DELIVERED,
    DEFERRED,
    BOUNCED,
    REJECTED,
    COMPLAINED;

    public static Optional<EmailStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(v)).findFirst();
    }
}
