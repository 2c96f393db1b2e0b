package io.schedulr.scheduling.adapter.in.rest.interview;

import io.quarkus.security.identity.SecurityIdentity;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.security.Caller;
import io.schedulr.scheduling.domain.UserProfile;
import io.schedulr.scheduling.domain.interview.Actor;

import java.util.Locale;
import java.util.UUID;

/** The caller as the team and startup routes see them, and the values those routes read from paths and queries. */
final class TeamActors {
    private static final int EXCERPT = 40;

    private TeamActors() {
    }

    /** Admin when the token's role claim ({@code groups}) holds {@code admin}. */
    static Actor of(Caller caller, SecurityIdentity identity) {
        String name = caller.name() != null ? caller.name() : caller.email();
        return new Actor(new UserProfile(caller.id(), caller.email(), name == null ? caller.id() : name, caller.timeZone()),
                identity.hasRole("admin"));
    }

    /** A UUID in its canonical form; anything else is 400 {@code invalid_<kind>_id}, not a lookup. */
    static UUID id(String kind, String value) {
        String v = value == null ? "" : value.strip();
        try {
            UUID id = UUID.fromString(v);
            if (id.toString().equalsIgnoreCase(v)) {
                return id;
            }
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw ApiException.badRequest("invalid_" + kind + "_id", "'" + excerpt(v) + "' is not a " + kind.replace('_', ' ') + " id (a UUID).");
    }

    /** {@code true} or {@code false} (any case), default false when absent; anything else is 400 {@code invalid_<code>}. */
    static boolean flag(String code, String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("invalid_" + code, "'" + name + "' is true or false.");
        };
    }

    static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badRequest("invalid_" + name, "'" + name + "' is a number from " + min + " to " + max + ".");
    }

    static String excerpt(String value) {
        return value.length() <= EXCERPT ? value : value.substring(0, EXCERPT) + "…";
    }
}
