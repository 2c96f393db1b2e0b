package io.schedulr.scheduling.adapter.out.calcomgateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** calcom-gateway's API (docs/calcom-gateway-api.md), quarkus.rest-client.calcom-gateway.url. */
@RegisterRestClient(configKey = "calcom-gateway")
@Path("/api/calcom")
@Produces(MediaType.APPLICATION_JSON)
public interface CalcomGatewayApi {
    @GET
    @Path("/event-types")
    Uni<JsonNode> eventTypes(@HeaderParam("Authorization") String authorization);

    @GET
    @Path("/slots")
    Uni<JsonNode> slots(@HeaderParam("Authorization") String authorization, @QueryParam("eventTypeId") long eventTypeId,
                        @QueryParam("start") String start, @QueryParam("end") String end, @QueryParam("timeZone") String timeZone,
                        @QueryParam("lengthInMinutes") Integer lengthInMinutes);

    @POST
    @Path("/bookings")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> book(@HeaderParam("Authorization") String authorization, JsonNode body);

    @GET
    @Path("/bookings/{uid}")
    Uni<JsonNode> booking(@HeaderParam("Authorization") String authorization, @PathParam("uid") String uid);

    @POST
    @Path("/bookings/{uid}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> cancel(@HeaderParam("Authorization") String authorization, @PathParam("uid") String uid, JsonNode body);

    @POST
    @Path("/bookings/{uid}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> reschedule(@HeaderParam("Authorization") String authorization, @PathParam("uid") String uid, JsonNode body);
}
