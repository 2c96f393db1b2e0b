package io.schedulr.calendarsync.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.schedulr.calendarsync.application.port.in.ReadFreeBusyUseCase;
import io.schedulr.calendarsync.application.port.in.ReadFreeBusyUseCase.FreeBusyQuery;
import io.schedulr.kit.openapi.ErrorResponsesFilter;
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

/**
 * The caller's own busy times in Google over a range, for scheduling-service's conflict check (it calls with the
 * caller's bearer token). Nobody can ask about anyone else here: the person is the token's. Another service asks about
 * a person it names through {@link InternalFreeBusyResource}, with a service key instead of a token.
 */
@Path("/api/calendar/free-busy")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar connection", description = "Connecting a person's Google Calendar and the state of that connection.")
public class FreeBusyResource {
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
        FreeBusyQuery query = FreeBusyRange.of(start, end);
        return FreeBusyJson.of(freeBusy.freeBusyOf(caller.get(), query));
    }
}
