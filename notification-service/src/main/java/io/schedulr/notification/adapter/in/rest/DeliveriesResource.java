package io.schedulr.notification.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.security.Caller;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.notification.application.port.in.ListDeliveriesUseCase;
import io.schedulr.notification.application.port.in.ListDeliveriesUseCase.ListDeliveriesQuery;
import io.schedulr.notification.config.MailIdentity;
import io.schedulr.notification.domain.DeliveryAttemptRecord;
import io.schedulr.notification.domain.DeliveryStatus;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/rooms/{roomId}/deliveries}: the audit trail of a room's invitation mails, for operators (role
 * {@value #OPERATOR_ROLE}) and the room's host and guest. Anyone else gets the same 404 as for a room that does not exist.
 */
@Path("/api/rooms/{roomId}/deliveries")
@Authenticated
public class DeliveriesResource {
    /** The role (token claim {@code groups}) of people who may read every room's deliveries. */
    public static final String OPERATOR_ROLE = "admin";

    @Inject
    ListDeliveriesUseCase deliveries;
    @Inject
    CurrentCaller currentCaller;
    @Inject
    SecurityIdentity identity;
    @Inject
    MailIdentity mailIdentity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<AttemptJson>> list(@PathParam("roomId") String roomId, @Context UriInfo uri) {
        Caller caller = currentCaller.get();
        uri.getQueryParameters().keySet().stream().findFirst().ifPresent(name -> {
            throw ApiException.badRequest("unknown_parameter", "Query parameter '" + Excerpts.of(name) + "' is not part of this request.");
        });
        String room = roomId(roomId);
        return deliveries.list(new ListDeliveriesQuery(room, caller.id(), identity.hasRole(OPERATOR_ROLE)))
                .map(records -> records.stream().map(this::toJson).toList())
                .onFailure(ListDeliveriesUseCase.RoomNotFoundException.class)
                .transform(e -> ApiException.notFound("room_not_found", "Room " + room + " was not found."));
    }

    /** Room ids are UUIDs (scheduling-service makes them); the canonical lower-case spelling is what events carry. */
    private static String roomId(String raw) {
        try {
            UUID id = UUID.fromString(raw);
            if (id.toString().equalsIgnoreCase(raw)) {
                return id.toString();
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ApiException.badRequest("invalid_room_id", "Room id '" + Excerpts.of(raw) + "' is not a UUID.");
    }

    private AttemptJson toJson(DeliveryAttemptRecord r) {
        return new AttemptJson(r.attemptId(), r.deliveryId(), r.eventId(), r.roomId(), r.recipient(), r.method().name(), r.sequence(),
                r.outcome().name(), r.error(), r.attemptedAt(),
                // a delivery left to Google never becomes a message of ours
                r.messageKey() == null || r.deliveryStatus() == DeliveryStatus.LEFT_TO_GOOGLE ? null : mailIdentity.messageId(r.messageKey()),
                r.deliveryStatus() == null ? null : r.deliveryStatus().name(),
                r.notices().stream().map(n -> new NoticeJson(n.status().name(), n.detail(), n.occurredAt(), n.receivedAt())).toList());
    }

    public record AttemptJson(long attemptId, Long deliveryId, String eventId, String roomId, String recipient, String method,
                              int sequence, String outcome, String error, Instant attemptedAt, String messageId, String deliveryStatus,
                              List<NoticeJson> notices) {
    }

    public record NoticeJson(String status, String detail, Instant occurredAt, Instant receivedAt) {
    }
}
