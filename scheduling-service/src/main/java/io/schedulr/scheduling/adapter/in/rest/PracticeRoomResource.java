package io.schedulr.scheduling.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.scheduling.application.port.in.BookRoomCommand;
import io.schedulr.scheduling.application.port.in.BookRoomUseCase;
import io.schedulr.scheduling.application.port.in.CreateRoomCommand;
import io.schedulr.scheduling.application.port.in.CreateRoomUseCase;
import io.schedulr.scheduling.application.port.in.DeleteRoomUseCase;
import io.schedulr.scheduling.application.port.in.EditRoomCommand;
import io.schedulr.scheduling.application.port.in.EditRoomUseCase;
import io.schedulr.scheduling.application.port.in.ReleaseBookingUseCase;
import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/** Writes on practice rooms: create, update (a booking, or the host's and guest's edits), delete, the guest leaving. */
@Path("/api/practice-room")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PracticeRoomResource {
    private static final Logger LOG = Logger.getLogger(PracticeRoomResource.class);

    @Inject
    CurrentCaller caller;
    @Inject
    RequestTimes times;
    @Inject
    CreateRoomUseCase createRoom;
    @Inject
    BookRoomUseCase bookRoom;
    @Inject
    EditRoomUseCase editRoom;
    @Inject
    DeleteRoomUseCase deleteRoom;
    @Inject
    ReleaseBookingUseCase releaseBooking;
    @Inject
    BookingMeters meters;

    @POST
    @Path("/create")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@Valid CreateRoomRequest request) {
        if (request == null) {
            throw ApiException.badRequest("invalid_body", "The body must be a JSON object with datetimeUtc.");
        }
        UserProfile actor = Callers.toProfile(caller.get());
        CreateRoomCommand command = CreateRoomCommand.of(actor, request.hostId(),
                times.required("datetimeUtc", request.datetimeUtc()), Boolean.TRUE.equals(request.privateRoom()),
                RequestValues.optionalUserId("offerTo", request.offerTo()));
        return createRoom.create(command)
                .invoke(d -> LOG.infof("room %s created by %s for %s", d.room().id(), actor.id(), d.room().start()))
                .map(d -> Response.status(201).entity(RoomResponse.of(d, actor.id())).build());
    }

    /** A request naming {@code guestId} is a booking; any other is an edit of the fields it gives. */
    @POST
    @Path("/update")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RoomResponse> update(@Valid UpdateRoomRequest request) {
        if (request == null) {
            throw ApiException.badRequest("invalid_body", "The body must be a JSON object with roomId and the fields to change.");
        }
        UserProfile actor = Callers.toProfile(caller.get());
        RoomId roomId = RequestValues.roomId(request.getRoomId());
        MDC.put("roomId", roomId.toString()); // the path names no room here; the log lines of this request should
        if (request.isBooking()) {
            if (request.getDatetimeUtc() != null || request.getPrivateRoom() != null || request.getOfferTo() != null) {
                throw ApiException.badRequest("booking_changes_only_stage",
                        "A booking (guestId) can set the stage, not the time, privacy or offer; send those separately.");
            }
            return bookRoom.book(BookRoomCommand.of(actor, roomId, request.getGuestId(), request.getStage()))
                    .invoke(d -> LOG.infof("room %s booked by %s", d.room().id(), actor.id()))
                    .invoke(d -> meters.roomBooked())
                    .map(d -> RoomResponse.of(d, actor.id()));
        }
        EditRoomCommand command = new EditRoomCommand(actor, roomId, times.optional("datetimeUtc", request.getDatetimeUtc()),
                request.getPrivateRoom(), RequestValues.optionalUserId("offerTo", request.getOfferTo()), request.getStage());
        return editRoom.edit(command)
                .invoke(d -> log(d, actor, command))
                .map(d -> RoomResponse.of(d, actor.id()));
    }

    @DELETE
    @Path("/{roomId}")
    public Uni<Response> delete(@PathParam("roomId") String roomId) {
        UserProfile actor = Callers.toProfile(caller.get());
        RoomId id = RequestValues.roomId(roomId);
        return deleteRoom.delete(actor, id)
                .invoke(() -> LOG.infof("room %s deleted by %s", id, actor.id()))
                .map(ignored -> Response.noContent().build());
    }

    /** The guest leaves their booking: the room, open again, as the guest now sees it. */
    @DELETE
    @Path("/{roomId}/booking")
    public Uni<RoomResponse> release(@PathParam("roomId") String roomId) {
        UserProfile actor = Callers.toProfile(caller.get());
        RoomId id = RequestValues.roomId(roomId);
        return releaseBooking.release(actor, id)
                .invoke(d -> LOG.infof("room %s released by its guest %s", id, actor.id()))
                .map(d -> RoomResponse.of(d, actor.id()));
    }

    private static void log(RoomDetails d, UserProfile actor, EditRoomCommand c) {
        LOG.infof("room %s edited by %s (reschedule=%s, private=%s, offer=%s, stage=%s)", d.room().id(), actor.id(),
                c.newStart() != null, c.privateRoom() != null, c.offerTo() != null, c.stage() != null);
    }
}
