package io.schedulr.scheduling.adapter.in.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the web app (served from this service's root) needs before anyone signs in: where calendar-sync-service is, as a
 * browser reaches it (sign-in and the calendar connection are there).
 */
@Path("/api/web-config")
@PermitAll
@Tag(name = "Web app")
public class WebConfigResource {
    @ConfigProperty(name = "schedulr.web.calendar-sync-url")
    String calendarSyncUrl;
    @ConfigProperty(name = "schedulr.calendar.required")
    boolean calendarRequired;

    @Schema(name = "WebConfig", description = "Where the web app finds the other services from the browser.")
    public record WebConfig(
            @Schema(description = "calendar-sync-service as a browser reaches it.", examples = "http://localhost:8082") String calendarSyncUrl,
            @Schema(description = "Whether core features wait until the person has connected their Google Calendar.",
                    examples = "true") boolean calendarRequired) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The web app's settings", description = "Public: the web app reads it before anyone has signed in.")
    public WebConfig get() {
        return new WebConfig(calendarSyncUrl.replaceAll("/+$", ""), calendarRequired);
    }
}
