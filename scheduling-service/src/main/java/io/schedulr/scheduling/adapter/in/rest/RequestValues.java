package io.schedulr.scheduling.adapter.in.rest;

import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.rest.Excerpt;
import io.schedulr.scheduling.application.port.in.RoomScope;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.SlotId;
import io.schedulr.scheduling.domain.SlotStatus;
import io.schedulr.scheduling.domain.interview.PlainText;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Reads the values clients send as text (JSON fields, path and query parameters); the wire names live here. */
public final class RequestValues {

    private RequestValues() {
    }

    static RoomId roomId(String value) {
        return new RoomId(uuid("room", value));
    }

    static SlotId slotId(String value) {
        return new SlotId(uuid("slot", value));
    }

    /** A person's id (the token {@code sub} they sign in with), when the field is given. */
    static String optionalUserId(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > 255 || PlainText.hasHiddenCharacters(value)) {
            throw ApiException.badRequest("invalid_" + snake(name),
                    "'" + name + "' is a person's id: 1 to 255 characters without control, invisible or direction characters.");
        }
        return value;
    }

    private static String snake(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** An optional true/false query parameter (any case); absent or empty is false. */
    public static boolean flag(String name, String value) {
        return flag(name, name, value);
    }

    /** As {@link #flag(String, String)}, refused as 400 {@code invalid_<code>}. */
    public static boolean flag(String code, String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("invalid_" + code, "'" + name + "' is true or false.");
        };
    }

    public static int number(String name, String value, int min, int max) {
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

    static RoomScope scope(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("open")) {
            return RoomScope.OPEN;
        }
        if (value.equalsIgnoreCase("mine")) {
            return RoomScope.MINE;
        }
        if (value.equalsIgnoreCase("past")) {
            return RoomScope.PAST;
        }
        throw ApiException.badRequest("invalid_scope", "'scope' is 'open', 'mine' or 'past'; got '" + Excerpt.of(value) + "'.");
    }

    static SlotStatus slotStatus(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SlotStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_status", "'status' is open, booked or cancelled.");
        }
    }

    /** Our ids are UUIDs in their canonical form; anything else is a client error, not a lookup. */
    private static UUID uuid(String kind, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("invalid_" + kind + "_id", "'" + kind + "Id' is required.");
        }
        return id(kind, value);
    }

    /** A field of a {@code PATCH} body that may be left out but not set to null ({@code invalid_<field>}). */
    public static void notNullWhenGiven(boolean given, Object value, String field) {
        if (given && value == null) {
            throw ApiException.badRequest("invalid_" + field, "'" + field + "' cannot be null; leave it out to keep it.");
        }
    }

    /** A path's id: a UUID in its canonical form; anything else is 400 {@code invalid_<kind>_id}, not a lookup. */
    public static UUID id(String kind, String value) {
        String v = value == null ? "" : value.strip();
        return canonicalUuid(v).orElseThrow(() -> {
            String words = kind.replace('_', ' ');
            String article = "aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ";
            return ApiException.badRequest("invalid_" + kind + "_id", "'" + Excerpt.of(v) + "' is not " + article + words + " id (a UUID).");
        });
    }

    /** The UUID when the text is one in its canonical form (any case): not a number, a URN or a shortened form. */
    public static Optional<UUID> canonicalUuid(String text) {
        try {
            UUID id = UUID.fromString(text);
            if (id.toString().equalsIgnoreCase(text)) {
                return Optional.of(id);
            }
        } catch (IllegalArgumentException ignored) {
            // not one
        }
        return Optional.empty();
    }

}
