package io.schedulr.kit.rest;

import java.time.ZoneId;
import java.util.Set;

/**
 * A person's time zone as a request names it: a region's IANA name ("Europe/Berlin", "UTC"), as browsers and calendars
 * name zones. Offsets ("+02:00") and anything else are {@code 400 invalid_<field>}.
 */
public final class IanaZones {
    /** Read once: the JDK copies its names into a new set on every call. */
    private static final Set<String> NAMES = Set.copyOf(ZoneId.getAvailableZoneIds());

    private IanaZones() {
    }

    public static ZoneId required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("invalid_" + field, "'" + field + "' is required: an IANA time zone such as Europe/Berlin.");
        }
        if (!NAMES.contains(value)) {
            throw ApiException.badRequest("invalid_" + field,
                    "'" + field + "' is an IANA time zone such as Europe/Berlin, not '" + Excerpt.of(value) + "'.");
        }
        return ZoneId.of(value);
    }
}
