package io.schedulr.testsupport.calcom;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The timestamp spellings Cal.com mixes, so receivers must parse offsets rather than match strings:
 * {@link #iso} as JavaScript's {@code toISOString()} ({@code 2030-09-05T09:00:00.000Z}), {@link #utcSeconds} as
 * {@code dayjs.utc().format()} ({@code 2030-09-05T09:00:00Z}), {@link #offset} as {@code dayjs().format()} on a server in
 * UTC ({@code 2030-09-05T09:00:00+00:00}), and {@link #slot} as the slots API writes times in the requested zone
 * ({@code 2030-09-05T11:00:00.000+02:00}).
 */
final class Times {
    private static final DateTimeFormatter SECONDS_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter MILLIS_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    private Times() {
    }

    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS))
                .replaceFirst("(\\d{2}:\\d{2}:\\d{2})Z$", "$1.000Z");
    }

    static String utcSeconds(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static String offset(Instant instant) {
        return SECONDS_OFFSET.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    static String slot(Instant instant, ZoneId zone) {
        return MILLIS_OFFSET.format(instant.atZone(zone));
    }

    /** A booking's {@code start}: an ISO 8601 instant with an offset (Cal.com asks for UTC). */
    static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            throw CalcomError.badRequest(field + " must be a valid ISO 8601 date string");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw CalcomError.badRequest(field + " must be a valid ISO 8601 date string");
        }
    }

    /**
     * A slots range bound: a date alone means its start of day ({@code start}) or its last second ({@code end}) in UTC,
     * or a full timestamp.
     */
    static Instant bound(String value, String field, boolean end) {
        if (value == null || value.isBlank()) {
            throw CalcomError.badRequest(field + " must be a valid ISO 8601 date string");
        }
        try {
            LocalDate date = LocalDate.parse(value);
            return end ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1)
                    : date.atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return instant(value, field);
        }
    }
}
