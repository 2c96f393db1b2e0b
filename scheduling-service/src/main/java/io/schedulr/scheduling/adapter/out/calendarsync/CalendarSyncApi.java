package io.schedulr.scheduling.adapter.out.calendarsync;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** calendar-sync-service's {@code GET /api/calendar/connection} and {@code /free-busy} (quarkus.rest-client.calendar-sync.url). */
@RegisterRestClient(configKey = "calendar-sync")
@Path("/api/calendar")
public interface CalendarSyncApi {
    @GET
    @Path("/connection")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<ConnectionAnswer> connection(@HeaderParam("Authorization") String authorization);

    @GET
    @Path("/free-busy")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<FreeBusyAnswer> freeBusy(@HeaderParam("Authorization") String authorization, @QueryParam("start") String start,
                                 @QueryParam("end") String end);
}
