package io.schedulr.testsupport.google;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** OAuth scope strings as Google answers them: {@code email}/{@code profile} come back as their full URLs. */
final class Scopes {
    static final String CALENDAR = "https://www.googleapis.com/auth/calendar";
    static final String CALENDAR_READONLY = "https://www.googleapis.com/auth/calendar.readonly";
    static final String CALENDAR_EVENTS = "https://www.googleapis.com/auth/calendar.events";
    static final String CALENDAR_EVENTS_READONLY = "https://www.googleapis.com/auth/calendar.events.readonly";
    static final String CALENDAR_FREEBUSY = "https://www.googleapis.com/auth/calendar.freebusy";

    private Scopes() {
    }

    static Set<String> parse(String spaceOrCommaSeparated) {
        Set<String> scopes = new LinkedHashSet<>();
        if (spaceOrCommaSeparated != null) {
            Arrays.stream(spaceOrCommaSeparated.split("[ ,]+")).filter(s -> !s.isBlank()).map(Scopes::canonical).forEach(scopes::add);
        }
        return scopes;
    }

    static String join(Set<String> scopes) {
        return String.join(" ", scopes);
    }

    private static String canonical(String scope) {
        return switch (scope) {
            case "email" -> "https://www.googleapis.com/auth/userinfo.email";
            case "profile" -> "https://www.googleapis.com/auth/userinfo.profile";
            default -> scope;
        };
    }
}
