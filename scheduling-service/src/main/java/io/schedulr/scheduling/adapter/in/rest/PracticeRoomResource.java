package io.schedulr.scheduling.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.scheduling.application.port.in.CreateRoomCommand;
import io.schedulr.scheduling.application.port.in.CreateRoomUseCase;
import io.schedulr.scheduling.application.port.in.DeleteRoomUseCase;
import io.schedulr.scheduling.application.port.in.UpdateRoomUseCase;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/** Writes on practice rooms: create, update (book, reschedule, privacy, stage), delete. */
@Path("/api/practice-room")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PracticeRoomResource {
    private static final Logger LOG = Logger.getLogger(PracticeRoomResource.class);

    @Inject
    CurrentCaller caller;
    @Inject
    CreateRoomUseCase createRoom;
    @Inject
    UpdateRoomUseCase updateRoom;
    @Inject
    DeleteRoomUseCase deleteRoom;

    @POST
    @Path("/create")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(CreateRoomRequest request) {
        if (request == null) {
            throw ApiException.badRequest("invalid_body", "The body must be a JSON object with datetimeUtc.");
        }
        UserProfile actor = Callers.toProfile(caller.get());
        return createRoom.create(CreateRoomCommand.of(actor, request.hostId(), request.datetimeUtc(), request.privateRoom()))
                .invoke(d -> LOG.infof("room %s created by %s for %s", d.room().id(), actor.id(), d.room().datetimeUtc()))
                .map(d -> Response.status(201).entity(RoomResponse.of(d, actor.id())).build());
    }

    @POST
    @Path("/update")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RoomResponse> update(JsonNode body) {
        UserProfile actor = Callers.toProfile(caller.get());
        var command = UpdateRoomRequestReader.read(body, actor);
        if (command.booking() && actor.email() == null) {
            throw ApiException.badRequest("email_required", "Your token has no email claim; invitations need one.");
        }
        return updateRoom.update(command)
                .invoke(d -> LOG.infof("room %s updated by %s (booking=%s, reschedule=%s)", d.room().id(), actor.id(),
                        command.booking(), command.datetimeUtc() != null))
                .map(d -> RoomResponse.of(d, actor.id()));
    }

    @DELETE
    @Path("/{roomId}")
    public Uni<Response> delete(@PathParam("roomId") String roomId) {
        UserProfile actor = Callers.toProfile(caller.get());
        return deleteRoom.delete(actor, roomId)
                .invoke(() -> LOG.infof("room %s deleted by %s", roomId, actor.id()))
                .map(ignored -> Response.noContent().build());
    }
}
