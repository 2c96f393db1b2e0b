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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import static io.schedulr.kit.openapi.ErrorResponsesFilter.CODES;

/** Writes on practice rooms: create, update (a booking, or the host's and guest's edits), delete, the guest leaving. */
@Path("/api/practice-room")
@Authenticated
@Tag(name = "Practice rooms", description = "Create, book, reschedule, delete and leave practice interview rooms.")
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
    @Operation(summary = "Create a practice room the caller hosts (public, or private and optionally offered to one person)")
    @APIResponse(responseCode = "201", description = "The room, as its host sees it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoomResponse.class)))
    @Extension(name = CODES, value = "invalid_datetime datetime_in_past datetime_out_of_range invalid_hostId invalid_datetimeUtc "
            + "invalid_offer_to offer_needs_private_room host_must_be_caller calendar_not_connected video_provider_unavailable")
    public Uni<Response> create(@Valid CreateRoomRequest request) {
        if (request == null) {
            throw ApiException.badRequest("invalid_body", "The body must be a JSON object with datetimeUtc.");
        }
        UserProfile actor = Callers.toProfile(caller);
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
    @Operation(summary = "Book a room (a body with guestId), or change its time, privacy, offer or stage",
            description = "A body naming guestId (null meaning the caller) books the room and may also set the stage; any other "
                    + "body edits the fields it gives: the host reschedules, makes private or offers; host or guest set the stage.")
    @Extension(name = CODES, value = "invalid_room_id invalid_roomId invalid_guestId invalid_datetimeUtc invalid_stage "
            + "invalid_datetime datetime_in_past datetime_out_of_range invalid_offer_to offer_needs_private_room "
            + "booking_changes_only_stage nothing_to_update cannot_book_for_someone_else not_room_host not_room_participant "
            + "calendar_not_connected room_not_found room_already_booked changed_concurrently host_cannot_book_own_room "
            + "room_in_past calendar_conflict")
    public Uni<RoomResponse> update(@Valid UpdateRoomRequest request) {
        if (request == null) {
            throw ApiException.badRequest("invalid_body", "The body must be a JSON object with roomId and the fields to change.");
        }
        UserProfile actor = Callers.toProfile(caller);
        RoomId roomId = RequestValues.roomId(request.getRoomId());
        MDC.put("roomId", roomId.toString()); // the path names no room here; the log lines of this request should
        if (request.isBooking()) {
            if (request.getDatetimeUtc() != null || request.getPrivateRoom() != null || request.getOfferTo() != null) {
                throw ApiException.badRequest("booking_changes_only_stage",
                        "A booking (guestId) can set the stage, not the time, privacy or offer; send those separately.");
            }
            return bookRoom.book(BookRoomCommand.of(actor, roomId, request.getGuestId(), request.getStage(), request.allowsConflicts()))
                    .invoke(d -> LOG.infof("room %s booked by %s", d.room().id(), actor.id()))
                    .invoke(d -> meters.roomBooked())
                    .map(d -> RoomResponse.of(d, actor.id()));
        }
        EditRoomCommand command = new EditRoomCommand(actor, roomId, times.optional("datetimeUtc", request.getDatetimeUtc()),
                request.getPrivateRoom(), RequestValues.optionalUserId("offerTo", request.getOfferTo()), request.getStage(),
                request.allowsConflicts());
        return editRoom.edit(command)
                .invoke(d -> log(d, actor, command))
                .map(d -> RoomResponse.of(d, actor.id()));
    }

    @DELETE
    @Path("/{roomId}")
    @Operation(summary = "Delete a room the caller hosts (its guest is told)")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @Extension(name = CODES, value = "invalid_room_id room_not_found not_room_host changed_concurrently")
    public Uni<Response> delete(@PathParam("roomId") String roomId) {
        UserProfile actor = Callers.toProfile(caller);
        RoomId id = RequestValues.roomId(roomId);
        return deleteRoom.delete(actor, id)
                .invoke(() -> LOG.infof("room %s deleted by %s", id, actor.id()))
                .map(ignored -> Response.noContent().build());
    }

    /** The guest leaves their booking: the room, open again, as the guest now sees it. */
    @DELETE
    @Path("/{roomId}/booking")
    @Operation(summary = "Leave the booking as its guest: the room is open again")
    @Extension(name = CODES, value = "invalid_room_id room_not_found not_room_guest room_not_booked room_in_past "
            + "changed_concurrently")
    public Uni<RoomResponse> release(@PathParam("roomId") String roomId) {
        UserProfile actor = Callers.toProfile(caller);
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
