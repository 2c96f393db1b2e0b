package io.schedulr.scheduling.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.scheduling.application.port.in.ChooseTimeZoneUseCase;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.ZoneId;
import java.util.Set;

import static io.schedulr.kit.openapi.ErrorResponsesFilter.CODES;

/** The caller's own time zone; nobody sets anyone else's. */
@Path("/api/me/time-zone")
@Authenticated
@Tag(name = "Preferences", description = "When and how the caller is reminded of their sessions.")
@Produces(MediaType.APPLICATION_JSON)
public class TimeZoneResource {
    /** The IANA names, read once: the JDK copies them into a new set on every call. */
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    @Inject
    CurrentCaller caller;
    @Inject
    ChooseTimeZoneUseCase zones;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the caller's time zone",
            description = "The zone the caller's mails, reminders and Google events write times in. Google's sign-in states none, "
                    + "so the web app sets the browser's; once set, it is kept over any zone a sign-in token states. Applies to "
                    + "what is sent from now on.")
    @APIResponse(responseCode = "200", description = "The zone now kept.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimeZoneResponse.class)))
    @Extension(name = CODES, value = "invalid_timeZone")
    public Uni<TimeZoneResponse> put(TimeZoneRequest request) {
        ZoneId zone = zone(request == null ? null : request.timeZone());
        return zones.choose(Callers.toProfile(caller), zone).map(TimeZoneResponse::new);
    }

    /** A region's IANA name ("Europe/Berlin", "UTC"); offsets ("+02:00") are refused, as browsers and calendars name zones. */
    private static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("invalid_timeZone", "'timeZone' is required: an IANA time zone such as Europe/Berlin.");
        }
        if (!ZONES.contains(value)) {
            throw ApiException.badRequest("invalid_timeZone",
                    "'timeZone' is an IANA time zone such as Europe/Berlin, not '" + RequestValues.excerpt(value) + "'.");
        }
        return ZoneId.of(value);
    }
}
