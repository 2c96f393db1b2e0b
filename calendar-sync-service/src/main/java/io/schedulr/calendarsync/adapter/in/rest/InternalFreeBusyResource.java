package io.schedulr.calendarsync.adapter.in.rest;

import io.schedulr.calendarsync.application.Person;
import io.schedulr.calendarsync.application.port.in.ReadFreeBusyUseCase;
import io.schedulr.calendarsync.application.port.in.ReadFreeBusyUseCase.FreeBusyQuery;
import io.schedulr.kit.openapi.ErrorResponsesFilter;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.security.ServiceKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A named person's busy times in Google over a range, for another Schedulr service: scheduling-service's clash check
 * needs the other participants' (e.g. the host's when a guest books). Not a user route: the caller is a service,
 * authenticated by a shared key in {@value ServiceKeys#HEADER} ({@link ServiceKeys}), checked before any parameter is
 * read; a bearer token, a person's or a refused one, decides nothing here (the route is not {@code @Authenticated}, and
 * authentication is not proactive). Not routed by the ingress. The answer and its cache are those of
 * {@link FreeBusyResource}.
 */
@Path("/internal/free-busy")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service routes; not exposed by the ingress.")
public class InternalFreeBusyResource {
    /** The longest person id taken (a Google account id, {@code sub}, is 21 digits today). */
    static final int MAX_PERSON = 255;

    @Inject
    ServiceKeys keys;
    @Inject
    ReadFreeBusyUseCase freeBusy;

    @GET
    @Operation(summary = "A person's free/busy, for another service",
            description = "When the person is busy in Google between start and end, over every calendar on their Google calendar "
                    + "list (Google's free/busy: times only, never titles or attendees); not_connected when they have no usable "
                    + "connection, or were never seen here. For scheduling-service's clash check; authenticated by the "
                    + ServiceKeys.HEADER + " header (any of the keys configured as schedulr.internal.service-keys), checked before "
                    + "anything else; a bearer token is not looked at. Not exposed by the ingress. Answers are cached briefly per "
                    + "person and range, shared with GET /api/calendar/free-busy; a Google push about their calendar ends that. "
                    + "503 google_unavailable when Google fails or is slow (a couple of seconds at most): check without it.")
    @APIResponse(responseCode = "200", description = "The person's busy intervals (connected), or not_connected with none.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FreeBusyJson.class)))
    @APIResponse(responseCode = "401", description = "The " + ServiceKeys.HEADER + " header is missing or not one of the configured keys.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ErrorResponsesFilter.SCHEMA)))
    @APIResponse(responseCode = "503", description = "No service key is configured on this server (the route is off), Google did "
            + "not answer in time, or the database cannot be reached; the code says which.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ErrorResponsesFilter.SCHEMA)))
    @Extension(name = ErrorResponsesFilter.CODES, value = "SERVICE_KEY_REQUIRED INVALID_PERSON INVALID_START INVALID_END END_BEFORE_START "
            + "RANGE_TOO_LONG SERVICE_KEY_NOT_CONFIGURED GOOGLE_UNAVAILABLE")
    public FreeBusyJson get(
            @Parameter(in = ParameterIn.HEADER, name = ServiceKeys.HEADER, required = true,
                    description = "One of the service keys configured as schedulr.internal.service-keys (SCHEDULR_SERVICE_KEYS).")
            @HeaderParam(ServiceKeys.HEADER) String serviceKey,
            @Parameter(description = "The person asked about: their Google account id (the sub of their Google ID token), at most "
                    + MAX_PERSON + " characters.", required = true, example = "109876543210987654321") @QueryParam("person") String person,
            @Parameter(description = "Start of the range, inclusive: an ISO-8601 date-time with an offset.", required = true,
                    example = "2030-01-01T09:00:00Z") @QueryParam("start") String start,
            @Parameter(description = "End of the range, exclusive: after start, at most 62 days later.", required = true,
                    example = "2030-01-02T09:00:00Z") @QueryParam("end") String end) {
        keys.check(serviceKey);
        String googleAccountId = person(person);
        FreeBusyQuery query = FreeBusyRange.of(start, end);
        return FreeBusyJson.of(freeBusy.freeBusyOf(new Person(googleAccountId, null, null), query));
    }

    /** The person's id as sent: present, not blank, at most {@value #MAX_PERSON} characters, no control characters. */
    private static String person(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("invalid_person", "'person' is required: the Google account id (sub) of the person asked about.");
        }
        if (value.length() > MAX_PERSON || value.codePoints().anyMatch(InternalFreeBusyResource::isControl)) {
            throw ApiException.badRequest("invalid_person",
                    "'person' must be a Google account id: at most " + MAX_PERSON + " characters, no control characters.");
        }
        return value;
    }

    private static boolean isControl(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
