package io.schedulr.calcom.application.port.in;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.regex.Pattern;

/** Checks shared by the commands; each throws {@link InvalidInputException} naming the field. */
final class Inputs {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\"<>(),;:\\\\\\[\\]]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern UID = Pattern.compile("^[A-Za-z0-9_-]{1,100}$");

    private Inputs() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "is required.");
        }
        return value;
    }

    /** Non-blank, at most {@code max} characters, no control characters. */
    static String text(String value, String field, int max) {
        required(value, field);
        if (value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank.");
        }
        return optionalText(value, field, max);
    }

    static String optionalText(String value, String field, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters.");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f)) {
            throw new InvalidInputException(field, "must not contain control characters.");
        }
        return value.strip();
    }

    static String email(String value, String field) {
        required(value, field);
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            throw new InvalidInputException(field, "must be an email address.");
        }
        return value;
    }

    static String zone(String value, String field) {
        required(value, field);
        if (value.length() > 64 || !value.contains("/") && !value.equals("UTC")) {
            throw new InvalidInputException(field, "must be an IANA time zone such as Europe/Berlin.");
        }
        try {
            return ZoneId.of(value).getId();
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "must be an IANA time zone such as Europe/Berlin.");
        }
    }

    static String uid(String value) {
        if (value == null || !UID.matcher(value).matches()) {
            throw new InvalidInputException("uid", "must be a Cal.com booking uid (letters, digits, '-' and '_').");
        }
        return value;
    }
}
