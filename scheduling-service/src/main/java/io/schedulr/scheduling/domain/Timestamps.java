package io.schedulr.scheduling.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads the times clients send: ISO-8601 with an explicit offset ("Z" or "+02:00"), always stored as UTC. */
public final class Timestamps {
    private Timestamps() {
    }

    public static Instant parseUtc(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("invalid_datetime", "'" + field + "' is required (ISO-8601 with offset, e.g. 2030-01-01T10:00:00Z).");
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidRequestException("invalid_datetime",
                    "'" + field + "' must be an ISO-8601 date-time with an offset, e.g. 2030-01-01T10:00:00Z; got '" + value + "'.");
        }
    }

    public static Instant requireFuture(String field, Instant value, Instant now) {
        if (!value.isAfter(now)) {
            throw new InvalidRequestException("datetime_in_past", "'" + field + "' must be in the future; got " + value + ".");
        }
        return value;
    }
}
