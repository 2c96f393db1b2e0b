package io.schedulr.scheduling.adapter.out.video;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Daily REST API (https://docs.daily.co/reference/rest-api/rooms/create-room), base URL from quarkus.rest-client.daily.url. */
@RegisterRestClient(configKey = "daily")
@Path("/v1")
public interface DailyApi {
    @POST
    @Path("/rooms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<DailyRoom> createRoom(@HeaderParam("Authorization") String authorization, DailyRoomRequest request);

    @DELETE
    @Path("/rooms/{name}")
    Uni<Void> deleteRoom(@HeaderParam("Authorization") String authorization, @PathParam("name") String name);
}
