package io.schedulr.scheduling.adapter.out.calendarsync;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** calendar-sync-service's {@code GET /api/calendar/connection} (quarkus.rest-client.calendar-sync.url). */
@RegisterRestClient(configKey = "calendar-sync")
@Path("/api/calendar/connection")
public interface CalendarSyncApi {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<ConnectionAnswer> connection(@HeaderParam("Authorization") String authorization);
}
