package io.schedulr.events;

import java.util.regex.Pattern;

/**
 * What a {@link Participant}'s email and name may be, written once for the service that accepts them from a token
 * and the one that mails them: an address the mail path can send to (an RFC 5322 dot-atom, as
 * {@code InternetAddress} parses strictly, with SMTP's length limits; no quoted local parts, no IP literals, ASCII
 * only) and a display name without control characters, of bounded length.
 */
public final class ParticipantRules {
    public static final int MAX_NAME_LENGTH = 200;
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern ADDRESS = Pattern.compile(ATOM + "(?:\\." + ATOM + ")*@" + LABEL + "(?:\\." + LABEL + ")*");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\x{200B}-\\x{200F}\\x{2028}-\\x{202E}]+");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private ParticipantRules() {
    }

    public static boolean isSendable(String email) {
        if (email == null || email.length() > 254 || !ADDRESS.matcher(email).matches()) {
            return false;
        }
        return email.indexOf('@') <= 64;
    }

    /** Control characters (CR, LF, NUL …) become spaces, runs of white space one space; at most {@link #MAX_NAME_LENGTH}. */
    public static String cleanName(String name) {
        if (name == null) {
            return null;
        }
        String clean = WHITE_SPACE.matcher(CONTROL.matcher(name).replaceAll(" ")).replaceAll(" ").strip();
        if (clean.length() > MAX_NAME_LENGTH) {
            int end = MAX_NAME_LENGTH;
            if (Character.isHighSurrogate(clean.charAt(end - 1))) {
                end--;
            }
            clean = clean.substring(0, end).strip();
        }
        return clean;
    }
}
