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

/** Phase 3 availability slots. */
@Path("/api/slots")
@Authenticated
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

    /** One {@code {startTs, endTs}} object, or a list of them (e.g. a week of availability). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> publish(List<@Valid SlotWindowRequest> body) {
        UserProfile host = Callers.toProfile(caller.get());
        if (body == null) {
            throw ApiException.badRequest("invalid_body", "Send {startTs, endTs} or a list of them.");
        }
        List<TimeWindow> windows = body.stream().map(this::window).toList();
        return publish.publish(new PublishSlotsCommand(host, windows))
                .invoke(slots -> LOG.infof("%d slot(s) published by %s", slots.size(), host.id()))
                .map(slots -> Response.status(201).entity(slots.stream().map(SlotResponse::of).toList()).build());
    }

    @GET
    public Uni<List<SlotResponse>> list(@QueryParam("status") String status, @QueryParam("mine") @DefaultValue("false") String mine,
                                        @QueryParam("from") String from, @QueryParam("to") String to,
                                        @QueryParam("limit") @DefaultValue("50") String limit,
                                        @QueryParam("offset") @DefaultValue("0") String offset) {
        UserProfile viewer = Callers.toProfile(caller.get());
        SlotStatus wanted = RequestValues.slotStatus(status);
        SlotQuery q = new SlotQuery(wanted, times.optional("from", from), times.optional("to", to),
                RequestValues.number("limit", limit, 1, config.room().maxPageSize()),
                RequestValues.number("offset", offset, 0, Integer.MAX_VALUE));
        if (Boolean.parseBoolean(mine)) {
            return query.mine(viewer, q).map(l -> l.stream().map(SlotResponse::of).toList());
        }
        if (wanted != null && wanted != SlotStatus.OPEN) {
            throw ApiException.badRequest("invalid_status", "Other people's slots can only be listed with status=open.");
        }
        return query.open(viewer, q).map(l -> l.stream().map(SlotResponse::of).toList());
    }

    @POST
    @Path("/{slotId}/book")
    public Uni<RoomResponse> book(@PathParam("slotId") String slotId) {
        UserProfile guest = Callers.toProfile(caller.get());
        SlotId id = RequestValues.slotId(slotId);
        return book.book(guest, id)
                .invoke(d -> LOG.infof("slot %s booked by %s as room %s", id, guest.id(), d.room().id()))
                .invoke(d -> meters.slotBooked())
                .map(d -> RoomResponse.of(d, guest.id()));
    }

    @DELETE
    @Path("/{slotId}")
    public Uni<SlotResponse> cancel(@PathParam("slotId") String slotId) {
        UserProfile host = Callers.toProfile(caller.get());
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
