package io.schedulr.scheduling.domain.interview;

import io.schedulr.events.ParticipantRules;
import io.schedulr.scheduling.domain.InvalidRequestException;

import java.util.Locale;

/**
 * An email address people of an interview are reached at (team members, contacts, guests): one the mail path can send
 * to ({@link ParticipantRules#isSendable}), trimmed, with its domain in lower case. Addresses are compared without
 * regard to case ({@link #key}), as mail systems and Cal.com do.
 */
public final class EmailAddress {
    private EmailAddress() {
    }

    /**
     * The normalized address, or {@code InvalidRequestException("invalid_" + field)} when it is missing or not one
     * that can receive mail.
     *
     * @param field the request field it came from, in the error code's form (e.g. {@code "email"}, {@code "guest_email"})
     */
    public static String require(String value, String field) {
        String trimmed = value == null ? null : value.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            throw new InvalidRequestException("invalid_" + field, "'" + field + "' is required: an email address.");
        }
        if (!ParticipantRules.isSendable(trimmed)) {
            throw new InvalidRequestException("invalid_" + field,
                    "'" + field + "' is not an email address invitations can be sent to (name@example.com, at most 254 characters).");
        }
        int at = trimmed.lastIndexOf('@');
        return trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** Whether the value is an address {@link #require} accepts. */
    public static boolean isValid(String value) {
        return value != null && ParticipantRules.isSendable(value.strip());
    }

    /** What two addresses are compared by: the address in lower case. */
    public static String key(String address) {
        return address == null ? null : address.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean same(String a, String b) {
        return a != null && b != null && key(a).equals(key(b));
    }
}
