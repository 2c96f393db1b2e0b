package io.schedulr.scheduling.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.scheduling.application.port.in.SlotUseCases;
import io.schedulr.scheduling.application.port.in.SlotWindowInput;
import io.schedulr.scheduling.config.SchedulingConfig;
import io.schedulr.scheduling.domain.RoomIds;
import io.schedulr.scheduling.domain.SlotStatus;
import io.schedulr.scheduling.domain.Timestamps;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Phase 3 availability slots. */
@Path("/api/slots")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SlotResource {
    private static final Logger LOG = Logger.getLogger(SlotResource.class);

    @Inject
    CurrentCaller caller;
    @Inject
    SlotUseCases.PublishSlots publish;
    @Inject
    SlotUseCases.BookSlot book;
    @Inject
    SlotUseCases.CancelSlot cancel;
    @Inject
    SlotUseCases.QuerySlots query;
    @Inject
    SchedulingConfig config;

    /** One {@code {startTs, endTs}} object, or a list of them (e.g. a week of availability). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> publish(JsonNode body) {
        UserProfile host = Callers.toProfile(caller.get());
        List<SlotWindowInput> windows = windows(body);
        return publish.publish(host, windows)
                .invoke(slots -> LOG.infof("%d slot(s) published by %s", slots.size(), host.id()))
                .map(slots -> Response.status(201).entity(slots.stream().map(SlotResponse::of).toList()).build());
    }

    @GET
    public Uni<List<SlotResponse>> list(@QueryParam("status") String status, @QueryParam("mine") @DefaultValue("false") String mine,
                                        @QueryParam("from") String from, @QueryParam("to") String to,
                                        @QueryParam("limit") @DefaultValue("50") String limit,
                                        @QueryParam("offset") @DefaultValue("0") String offset) {
        UserProfile viewer = Callers.toProfile(caller.get());
        Instant fromTs = from == null ? null : Timestamps.parseUtc("from", from);
        Instant toTs = to == null ? null : Timestamps.parseUtc("to", to);
        int lim = number("limit", limit, 1, config.room().maxPageSize());
        int off = number("offset", offset, 0, Integer.MAX_VALUE);
        SlotStatus wanted = status(status);
        if (Boolean.parseBoolean(mine)) {
            return query.mine(viewer, wanted, fromTs, toTs, lim, off).map(l -> l.stream().map(SlotResponse::of).toList());
        }
        if (wanted != null && wanted != SlotStatus.OPEN) {
            throw ApiException.badRequest("invalid_status", "Other people's slots can only be listed with status=open.");
        }
        return query.open(viewer, fromTs, toTs, lim, off).map(l -> l.stream().map(SlotResponse::of).toList());
    }

    @POST
    @Path("/{slotId}/book")
    public Uni<RoomResponse> book(@PathParam("slotId") String slotId) {
        UserProfile guest = Callers.toProfile(caller.get());
        if (guest.email() == null) {
            throw ApiException.badRequest("email_required", "Your token has no email claim; invitations need one.");
        }
        return book.book(guest, RoomIds.parse(slotId, "slot"))
                .invoke(d -> LOG.infof("slot %s booked by %s as room %s", slotId, guest.id(), d.room().id()))
                .map(d -> RoomResponse.of(d, guest.id()));
    }

    @DELETE
    @Path("/{slotId}")
    public Uni<SlotResponse> cancel(@PathParam("slotId") String slotId) {
        UserProfile host = Callers.toProfile(caller.get());
        return cancel.cancel(host, RoomIds.parse(slotId, "slot"))
                .invoke(s -> LOG.infof("slot %s cancelled by %s", slotId, host.id()))
                .map(SlotResponse::of);
    }

    private static List<SlotWindowInput> windows(JsonNode body) {
        if (body == null || !(body.isObject() || body.isArray())) {
            throw ApiException.badRequest("invalid_body", "Send {startTs, endTs} or a list of them.");
        }
        List<SlotWindowInput> windows = new ArrayList<>();
        for (JsonNode node : body.isArray() ? body : List.of(body)) {
            if (!node.isObject()) {
                throw ApiException.badRequest("invalid_body", "Each slot is an object {startTs, endTs}.");
            }
            windows.add(new SlotWindowInput(text(node, "startTs"), text(node, "endTs")));
        }
        return windows;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("invalid_field", "Field '" + field + "' must be a string.");
        }
        return value.asText();
    }

    private static SlotStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SlotStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_status", "'status' is open, booked or cancelled.");
        }
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badRequest("invalid_" + name, "'" + name + "' is a number from " + min + " to " + max + ".");
    }
}
