package io.schedulr.scheduling.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.scheduling.application.port.in.RoomQueriesUseCase;
import io.schedulr.scheduling.application.port.in.RoomScope;
import io.schedulr.scheduling.config.SchedulingConfig;
import io.schedulr.scheduling.domain.RoomIds;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

@Path("/api/practice-rooms")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PracticeRoomQueryResource {
    @Inject
    CurrentCaller caller;
    @Inject
    RoomQueriesUseCase queries;
    @Inject
    SchedulingConfig config;

    @GET
    public Uni<List<RoomResponse>> list(@QueryParam("scope") String scope, @QueryParam("limit") @DefaultValue("50") String limit) {
        UserProfile actor = Callers.toProfile(caller.get());
        return queries.list(actor, RoomScope.parse(scope), limit(limit))
                .map(rooms -> rooms.stream().map(d -> RoomResponse.of(d, actor.id())).toList());
    }

    @GET
    @Path("/{roomId}")
    public Uni<RoomResponse> get(@PathParam("roomId") String roomId) {
        UserProfile actor = Callers.toProfile(caller.get());
        return queries.get(actor, RoomIds.parse(roomId)).map(d -> RoomResponse.of(d, actor.id()));
    }

    private int limit(String value) {
        int max = config.room().maxPageSize();
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badRequest("invalid_limit", "'limit' is a number from 1 to " + max + ".");
    }
}
