package io.schedulr.calendarsync.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.schedulr.calendarsync.application.port.in.ReadFreeBusyUseCase;
import io.schedulr.calendarsync.application.port.in.ReadFreeBusyUseCase.FreeBusyQuery;
import io.schedulr.calendarsync.application.port.in.ReadFreeBusyUseCase.InvalidQueryException;
import io.schedulr.kit.openapi.ErrorResponsesFilter;
import io.schedulr.kit.rest.ApiException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The caller's own busy times in Google over a range, for scheduling-service's conflict check (it calls with the
 * caller's bearer token). Nobody can ask about anyone else: the person is the token's.
 */
@Path("/api/calendar/free-busy")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar connection", description = "Connecting a person's Google Calendar and the state of that connection.")
public class FreeBusyResource {
    private static final int MAX_ECHO = 40;

    @Inject
    CallerPerson caller;
    @Inject
    ReadFreeBusyUseCase freeBusy;

    @GET
    @Operation(summary = "The caller's free/busy",
            description = "When the caller is busy in Google between start and end, over every calendar on their Google calendar "
                    + "list (Google's free/busy: times only, never titles or attendees). not_connected when they have no usable "
                    + "connection. Answers are cached briefly per person and range; a Google push about their calendar ends that. "
                    + "503 google_unavailable when Google fails or is slow (a couple of seconds at most): check without it.")
    @APIResponse(responseCode = "200", description = "The caller's busy intervals (connected), or not_connected with none.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FreeBusyJson.class)))
    @Extension(name = ErrorResponsesFilter.CODES, value = "INVALID_START INVALID_END END_BEFORE_START RANGE_TOO_LONG GOOGLE_UNAVAILABLE")
    public FreeBusyJson get(
            @Parameter(description = "Start of the range, inclusive: an ISO-8601 date-time with an offset.", required = true,
                    example = "2030-01-01T09:00:00Z") @QueryParam("start") String start,
            @Parameter(description = "End of the range, exclusive: after start, at most 62 days later.", required = true,
                    example = "2030-01-02T09:00:00Z") @QueryParam("end") String end) {
        FreeBusyQuery query;
        try {
            query = new FreeBusyQuery(instant(start, "start"), instant(end, "end"));
        } catch (InvalidQueryException e) {
            throw ApiException.badRequest(switch (e.problem()) {
                case START_MISSING -> "invalid_start";
                case END_MISSING -> "invalid_end";
                case END_NOT_AFTER_START -> "end_before_start";
                case RANGE_TOO_LONG -> "range_too_long";
            }, e.getMessage());
        }
        return FreeBusyJson.of(freeBusy.freeBusyOf(caller.get(), query));
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
