package io.schedulr.calendarsync.adapter.in.rest;

import io.schedulr.calendarsync.application.port.in.ReadFreeBusyUseCase.FreeBusyQuery;
import io.schedulr.calendarsync.application.port.in.ReadFreeBusyUseCase.InvalidQueryException;
import io.schedulr.kit.rest.ApiException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The {@code start} and {@code end} query parameters of the free/busy routes ({@code GET /api/calendar/free-busy} and
 * {@code GET /internal/free-busy}), read the same way for both: ISO-8601 date-times with an offset, refused as
 * {@code 400 invalid_start} / {@code invalid_end} / {@code end_before_start} / {@code range_too_long}.
 */
final class FreeBusyRange {
    private static final int MAX_ECHO = 40;

    private FreeBusyRange() {
    }

    /** The range asked about, or an {@link ApiException} (400) naming what is wrong with it. */
    static FreeBusyQuery of(String start, String end) {
        try {
            return new FreeBusyQuery(instant(start, "start"), instant(end, "end"));
        } catch (InvalidQueryException e) {
            throw ApiException.badRequest(switch (e.problem()) {
                case START_MISSING -> "invalid_start";
                case END_MISSING -> "invalid_end";
                case END_NOT_AFTER_START -> "end_before_start";
                case RANGE_TOO_LONG -> "range_too_long";
            }, e.getMessage());
        }
    }

    /** Null when absent (the query names the missing field); unreadable → {@code invalid_<field>}. */
    private static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // An offset's '+' sent unencoded arrives as a space: an ISO-8601 date-time never has one otherwise.
            return OffsetDateTime.parse(value.replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_" + field, "'" + field + "' must be an ISO-8601 date-time with an offset, e.g. "
                    + "2030-01-01T09:00:00Z; got '" + echo(value) + "'.");
        }
    }

    /** The start of what was sent, printable only: the message stays short and on one line. */
    private static String echo(String value) {
        String printable = value.codePoints().filter(c -> c >= 0x20 && c != 0x7f && !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > MAX_ECHO ? printable.substring(0, MAX_ECHO) + "…" : printable;
    }
}
