package io.schedulr.scheduling.adapter.out.calendarsync;

import io.schedulr.kit.security.ServiceKeys;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * calendar-sync-service's service-to-service {@code GET /internal/free-busy}: anyone's free/busy, for the holder of the
 * service key (never routed by the ingress). Same base URL as {@link CalendarSyncApi}.
 */
@RegisterRestClient(configKey = "calendar-sync")
@Path("/internal")
public interface CalendarSyncInternalApi {
    @GET
    @Path("/free-busy")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<FreeBusyAnswer> freeBusy(@HeaderParam(ServiceKeys.HEADER) String serviceKey, @QueryParam("person") String person,
                                 @QueryParam("start") String start, @QueryParam("end") String end);
}
