package io.schedulr.testsupport.google;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The times Google's APIs speak: RFC 3339 strings, and an event's {@code start}/{@code end} objects. */
final class Rfc3339 {
    private Rfc3339() {
    }

    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A timestamp query parameter; an unreadable one is Google's 400. */
    static Instant parse(String value, String parameter) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw GoogleError.badRequest("badRequest", "Bad Request: invalid " + parameter);
        }
    }

    /**
     * The instant an event's {@code start} or {@code end} names: {@code dateTime} with an offset, or without one in
     * its {@code timeZone}, or an all-day {@code date} (midnight UTC); null when neither is there.
     */
    static Instant of(Map<String, Object> when) {
        if (when == null) {
            return null;
        }
        String dateTime = Json.string(when.get("dateTime"));
        String date = Json.string(when.get("date"));
        try {
            if (dateTime != null) {
                try {
                    return OffsetDateTime.parse(dateTime).toInstant();
                } catch (DateTimeParseException e) {
                    String zone = Json.string(when.get("timeZone"));
                    if (zone == null) {
                        throw GoogleError.badRequest("invalid", "Invalid time zone definition for start time.");
                    }
                    return LocalDateTime.parse(dateTime).atZone(ZoneId.of(zone)).toInstant();
                }
            }
            return date == null ? null : LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (java.time.DateTimeException e) {
            throw GoogleError.badRequest("invalid", "Invalid start or end time.");
        }
    }
}
