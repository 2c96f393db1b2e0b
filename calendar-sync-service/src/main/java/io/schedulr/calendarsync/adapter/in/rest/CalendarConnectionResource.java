package io.schedulr.calendarsync.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.schedulr.calendarsync.application.port.in.ManageConnectionUseCase;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own connection: look at it, or end it. */
@Path("/api/calendar/connection")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar connection", description = "Connecting a person's Google Calendar and the state of that connection.")
public class CalendarConnectionResource {
    @Inject
    CallerPerson caller;
    @Inject
    ManageConnectionUseCase connections;
    @ConfigProperty(name = "schedulr.calendar.connect-url")
    String connectUrl;

    @GET
    @Operation(summary = "The caller's connection", description = "Whether the caller's Google Calendar is connected, and if not, why.")
    @APIResponse(responseCode = "200", description = "The caller's connection (not_connected when they never connected).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectionJson.class)))
    public ConnectionJson get() {
        return ConnectionJson.of(connections.connectionOf(caller.get()), connectUrl);
    }

    /** Revokes our access at Google and forgets the token; answers the state after, {@code not_connected}. */
    @DELETE
    @Operation(summary = "Disconnect", description = "Revokes our access at Google (a failure there is logged, not answered) and "
            + "forgets the token; answers the state after, not_connected with reason user. Idempotent.")
    @APIResponse(responseCode = "200", description = "The caller's connection after: not_connected.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectionJson.class)))
    public ConnectionJson disconnect() {
        return ConnectionJson.of(connections.disconnect(caller.get()), connectUrl);
    }
}
