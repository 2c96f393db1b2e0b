package io.schedulr.scheduling.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.schedulr.kit.rest.IanaZones;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.scheduling.application.port.in.ChooseTimeZoneUseCase;
import io.schedulr.scheduling.application.port.in.KeptTimeZoneUseCase;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import static io.schedulr.kit.openapi.ErrorResponsesFilter.CODES;

/** The caller's own time zone; nobody sets anyone else's. */
@Path("/api/me/time-zone")
@Authenticated
@Tag(name = "Preferences", description = "When and how the caller is reminded of their sessions.")
@Produces(MediaType.APPLICATION_JSON)
public class TimeZoneResource {
    @Inject
    CurrentCaller caller;
    @Inject
    ChooseTimeZoneUseCase zones;
    @Inject
    KeptTimeZoneUseCase kept;

    @GET
    @Operation(summary = "Read the caller's time zone",
            description = "The zone the caller's mails, reminders and Google events write times in: the one they set, else the one "
                    + "their sign-in token last stated, else UTC. whoami shows only the current token's.")
    @APIResponse(responseCode = "200", description = "The zone kept.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimeZoneResponse.class)))
    public Uni<TimeZoneResponse> get() {
        return kept.kept(Callers.toProfile(caller)).map(TimeZoneResponse::new);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the caller's time zone",
            description = "The zone the caller's mails, reminders and Google events write times in. Google's sign-in states none, "
                    + "so the web app sets the browser's; once set, it is kept over any zone a sign-in token states. Applies to "
                    + "what is sent from now on, also to the reminders of sessions booked before.")
    @APIResponse(responseCode = "200", description = "The zone now kept.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimeZoneResponse.class)))
    @Extension(name = CODES, value = "invalid_timeZone")
    public Uni<TimeZoneResponse> put(TimeZoneRequest request) {
        ZoneId zone = IanaZones.required("timeZone", request == null ? null : request.timeZone());
        return zones.choose(Callers.toProfile(caller), zone).map(TimeZoneResponse::new);
    }
}
