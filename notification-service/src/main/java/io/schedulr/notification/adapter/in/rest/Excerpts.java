package io.schedulr.notification.adapter.in.rest;

/** What an error message may quote of a caller's input: a short excerpt, without control characters. */
final class Excerpts {
    private static final int MAX = 40;

    private Excerpts() {
    }

    static String of(String input) {
        if (input == null) {
            return "";
        }
        String visible = input.codePoints().limit(MAX + 1L)
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return visible.codePointCount(0, visible.length()) > MAX ? visible.substring(0, visible.offsetByCodePoints(0, MAX)) + "…" : visible;
    }
}
