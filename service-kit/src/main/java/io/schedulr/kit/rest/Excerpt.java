package io.schedulr.kit.rest;

/**
 * What a refusal may say back of the value it refuses: at most 40 characters, control characters as {@code ?}. The
 * message is answered as JSON and also logged, so a CRLF in the value must not start a new line in either.
 */
public final class Excerpt {
    private static final int LENGTH = 40;

    private Excerpt() {
    }

    public static String of(String value) {
        if (value == null) {
            return null;
        }
        String shown = value.replaceAll("\\p{Cntrl}", "?");
        return shown.length() <= LENGTH ? shown : shown.substring(0, LENGTH) + "…";
    }
}
