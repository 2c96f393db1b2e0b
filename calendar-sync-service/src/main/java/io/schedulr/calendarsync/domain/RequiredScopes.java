package io.schedulr.calendarsync.domain;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The OAuth scopes the PRD asks for. Sign-in scopes are always granted; the Calendar scopes are boxes a person may
 * untick on Google's granular consent screen, and without any one of them the connection is refused.
 */
public final class RequiredScopes {
    public static final List<String> SIGN_IN = List.of("openid", "email", "profile");
    public static final List<String> CALENDAR = List.of(
            "https://www.googleapis.com/auth/calendar",
            "https://www.googleapis.com/auth/calendar.readonly",
            "https://www.googleapis.com/auth/calendar.freebusy");

    private RequiredScopes() {
    }

    /** Everything we ask Google for, in the order of the consent request. */
    public static List<String> requested() {
        List<String> all = new java.util.ArrayList<>(SIGN_IN);
        all.addAll(CALENDAR);
        return List.copyOf(all);
    }

    /** The Calendar scopes missing from Google's space-separated {@code scope} answer, in request order. */
    public static List<String> missingFrom(String grantedScopes) {
        Set<String> granted = new LinkedHashSet<>(grantedScopes == null ? List.of() : Arrays.asList(grantedScopes.trim().split("\\s+")));
        return CALENDAR.stream().filter(scope -> !granted.contains(scope)).toList();
    }
}
