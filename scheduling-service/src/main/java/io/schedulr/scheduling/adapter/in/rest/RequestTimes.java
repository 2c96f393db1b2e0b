package io.schedulr.scheduling.adapter.in.rest;

import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.rest.Excerpt;
import io.schedulr.scheduling.config.SchedulingConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Reads the times clients send: ISO-8601 with an explicit offset ("Z" or "+02:00"), within the window every part of
 * the system can handle — from 1970 to {@code scheduling.dates.max-ahead} from now (PostgreSQL, iCalendar and mail
 * clients all take those; a year like 294277 or +999999999 would be accepted here and break them downstream).
 */
@Singleton
public class RequestTimes {
    private static final Instant EARLIEST = Instant.EPOCH;

    @Inject
    Clock clock;
    @Inject
    SchedulingConfig config;

    public Instant required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("invalid_datetime", "'" + field + "' is required (ISO-8601 with offset, e.g. 2030-01-01T10:00:00Z).");
        }
        Instant parsed = parse(field, value);
        Instant latest = clock.instant().plus(config.dates().maxAhead());
        if (parsed.isBefore(EARLIEST) || parsed.isAfter(latest)) {
            throw ApiException.badRequest("datetime_out_of_range",
                    "'" + field + "' must be a time from 1970 on and at most " + config.dates().maxAhead().toDays() + " days ahead.");
        }
        return parsed;
    }

    public Instant optional(String field, String value) {
        return value == null ? null : required(field, value);
    }

    /** Surrounding white space is allowed; control characters (a trailing NUL …) are not. */
    private static Instant parse(String field, String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeException e) {
            throw ApiException.badRequest("invalid_datetime", "'" + field + "' must be an ISO-8601 date-time with an offset, "
                    + "e.g. 2030-01-01T10:00:00Z; got '" + Excerpt.of(value) + "'.");
        }
    }
}
