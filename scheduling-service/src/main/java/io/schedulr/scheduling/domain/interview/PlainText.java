package io.schedulr.scheduling.domain.interview;

import io.schedulr.scheduling.domain.InvalidRequestException;

import java.util.regex.Pattern;

/**
 * Short texts people type (names, roles, companies): trimmed, on one line, without control or invisible direction
 * characters, of bounded length. A text that breaks a rule is refused with {@code invalid_<field>}, never silently
 * changed, so what is stored is what was typed.
 */
public final class PlainText {
    public static final int MAX_NAME = 200;
    public static final int MAX_ROLE = 100;
    private static final Pattern FORBIDDEN = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\x{200B}-\\x{200F}\\x{2028}-\\x{202E}\\x{2066}-\\x{2069}]");

    private PlainText() {
    }

    /**
     * A text another system gave us (a Cal.com booking's title, an attendee's name), which cannot be sent back to be
     * corrected: its control and invisible direction characters become spaces, then it is trimmed; null when nothing is left.
     */
    public static String cleaned(String value) {
        if (value == null) {
            return null;
        }
        String text = FORBIDDEN.matcher(value).replaceAll(" ").strip();
        return text.isEmpty() ? null : text;
    }

    /** Whether a text holds a control character, a line or paragraph separator, or an invisible or direction character. */
    public static boolean hasHiddenCharacters(String text) {
        return FORBIDDEN.matcher(text).find();
    }

    /** Whether a text of several lines (notes) holds a control character other than a line break or a tab (a NUL, a bell). */
    public static boolean hasControlBesidesLineBreaks(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }

    /** The trimmed text; missing, blank, too long or with control characters → {@code invalid_<field>}. */
    public static String require(String value, String field, int maxLength) {
        String text = optional(value, field, maxLength);
        if (text == null) {
            throw new InvalidRequestException("invalid_" + field, "'" + field + "' is required.");
        }
        return text;
    }

    /** The trimmed text, or null when missing or blank. */
    public static String optional(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength || FORBIDDEN.matcher(text).find()) {
            throw new InvalidRequestException("invalid_" + field,
                    "'" + field + "' is at most " + maxLength + " characters on one line, without control characters.");
        }
        return text;
    }
}
