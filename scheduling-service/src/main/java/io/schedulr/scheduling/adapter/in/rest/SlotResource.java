package io.schedulr.scheduling.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.scheduling.application.port.in.BookSlotUseCase;
import io.schedulr.scheduling.application.port.in.CancelSlotUseCase;
import io.schedulr.scheduling.application.port.in.PublishSlotsCommand;
import io.schedulr.scheduling.application.port.in.PublishSlotsUseCase;
import io.schedulr.scheduling.application.port.in.QuerySlotsUseCase;
import io.schedulr.scheduling.application.port.in.SlotQuery;
import io.schedulr.scheduling.config.SchedulingConfig;
import io.schedulr.scheduling.domain.SlotId;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.application.port.in.CalendarFitUseCase;
import io.schedulr.scheduling.domain.SlotStatus;
import io.schedulr.scheduling.domain.TimeWindow;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import static io.schedulr.kit.openapi.ErrorResponsesFilter.CODES;

/** Phase 3 availability slots. */
@Path("/api/slots")
@Authenticated
@Tag(name = "Slots", description = "Availability slots a host publishes and others book as a room.")
@Produces(MediaType.APPLICATION_JSON)
public class SlotResource {
    private static final Logger LOG = Logger.getLogger(SlotResource.class);

    @Inject
    CurrentCaller caller;
    @Inject
    RequestTimes times;
    @Inject
    PublishSlotsUseCase publish;
    @Inject
    BookSlotUseCase book;
    @Inject
    CancelSlotUseCase cancel;
    @Inject
    QuerySlotsUseCase query;
    @Inject
    SchedulingConfig config;
    @Inject
    BookingMeters meters;
    @Inject
    CalendarFitUseCase calendarFit;

    /** One {@code {startTs, endTs}} object, or a list of them (e.g. a week of availability). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish one or more availability slots of the caller")
    @RequestBody(required = true, description = "One {startTs, endTs} window or a list of them (at most 100).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {SlotWindowRequest.class, SlotWindowRequest[].class})))
    @APIResponse(responseCode = "201", description = "The published slots.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SlotResponse.class)))
    @Extension(name = CODES, value = "invalid_startTs invalid_endTs invalid_datetime datetime_in_past datetime_out_of_range "
            + "end_before_start invalid_slot_length no_slots too_many_slots slot_overlaps calendar_not_connected calendar_conflict "
            + "invalid_allowConflicts")
    public Uni<Response> publish(List<@Valid SlotWindowRequest> body,
                                 @Parameter(description = "true: publish although a slot clashes with the caller's own booked sessions "
                                         + "or Google busy times.")
                                 @QueryParam("allowConflicts") String allowConflicts) {
        UserProfile host = Callers.toProfile(caller);
        if (body == null) {
            throw ApiException.badRequest("invalid_body", "Send {startTs, endTs} or a list of them.");
        }
        List<TimeWindow> windows = body.stream().map(this::window).toList();
        return publish.publish(new PublishSlotsCommand(host, windows, RequestValues.flag("allowConflicts", allowConflicts)))
                .invoke(slots -> LOG.infof("%d slot(s) published by %s", slots.size(), host.id()))
                .map(slots -> Response.status(201).entity(slots.stream().map(SlotResponse::of).toList()).build());
    }

    @GET
    @Operation(summary = "List other people's open slots, or the caller's own (mine=true) in any status; both by start, from now "
            + "unless 'from' says otherwise (the caller's own may be listed from an earlier 'from')")
    @Extension(name = CODES, value = "invalid_status invalid_datetime datetime_out_of_range invalid_range invalid_limit "
            + "invalid_offset invalid_fitsMyCalendar invalid_mine")
    public Uni<List<SlotResponse>> list(@QueryParam("status") String status, @QueryParam("mine") String mine,
                                        @QueryParam("from") String from, @QueryParam("to") String to,
                                        @QueryParam("limit") @DefaultValue("50") String limit,
                                        @QueryParam("offset") @DefaultValue("0") String offset,
                                        @Parameter(description = "Others' open slots only: true leaves out slots that clash with the "
                                                + "caller's booked sessions or Google busy times (the page may then hold fewer than limit).")
                                        @QueryParam("fitsMyCalendar") String fitsMyCalendar) {
        UserProfile viewer = Callers.toProfile(caller);
        SlotStatus wanted = RequestValues.slotStatus(status);
        SlotQuery q = new SlotQuery(wanted, times.optional("from", from), times.optional("to", to),
                RequestValues.number("limit", limit, 1, config.room().maxPageSize()),
                RequestValues.number("offset", offset, 0, Integer.MAX_VALUE));
        if (RequestValues.flag("mine", mine)) {
            return query.mine(viewer, q).map(l -> l.stream().map(SlotResponse::of).toList());
        }
        if (wanted != null && wanted != SlotStatus.OPEN) {
            throw ApiException.badRequest("invalid_status", "Other people's slots can only be listed with status=open.");
        }
        boolean fitting = RequestValues.flag("fitsMyCalendar", fitsMyCalendar);
        return query.open(viewer, q)
                .chain(slots -> fitting ? calendarFit.fitting(viewer.id(), slots, d -> d.slot().window()) : Uni.createFrom().item(slots))
                .map(l -> l.stream().map(SlotResponse::of).toList());
    }

    @POST
    @Path("/{slotId}/book")
    @Operation(summary = "Book an open slot: it becomes a room the caller is the guest of")
    @Extension(name = CODES, value = "invalid_slot_id slot_not_found cannot_book_own_slot slot_in_past slot_not_open "
            + "calendar_not_connected video_provider_unavailable changed_concurrently calendar_conflict invalid_allowConflicts")
    public Uni<RoomResponse> book(@PathParam("slotId") String slotId,
                                  @Parameter(description = "true: book although the slot clashes with the caller's own calendar.")
                                  @QueryParam("allowConflicts") String allowConflicts) {
        UserProfile guest = Callers.toProfile(caller);
        SlotId id = RequestValues.slotId(slotId);
        return book.book(guest, id, RequestValues.flag("allowConflicts", allowConflicts))
                .invoke(d -> LOG.infof("slot %s booked by %s as room %s", id, guest.id(), d.room().id()))
                .invoke(d -> meters.slotBooked())
                .map(d -> RoomResponse.of(d, guest.id()));
    }

    @DELETE
    @Path("/{slotId}")
    @Operation(summary = "Cancel an open slot the caller published")
    @Extension(name = CODES, value = "invalid_slot_id slot_not_found not_slot_host slot_not_open changed_concurrently")
    public Uni<SlotResponse> cancel(@PathParam("slotId") String slotId) {
        UserProfile host = Callers.toProfile(caller);
        SlotId id = RequestValues.slotId(slotId);
        return cancel.cancel(host, id)
                .invoke(s -> LOG.infof("slot %s cancelled by %s", id, host.id()))
                .map(SlotResponse::of);
    }

    private TimeWindow window(SlotWindowRequest w) {
        if (w == null) {
            throw ApiException.badRequest("invalid_body", "Each slot is an object {startTs, endTs}.");
        }
        return new TimeWindow(times.required("startTs", w.startTs()), times.required("endTs", w.endTs()));
    }
}
