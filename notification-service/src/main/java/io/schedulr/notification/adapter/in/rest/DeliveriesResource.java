package io.schedulr.notification.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.security.Caller;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.notification.application.port.in.ListDeliveriesUseCase;
import io.schedulr.notification.application.port.in.ListDeliveriesUseCase.ListDeliveriesQuery;
import io.schedulr.notification.config.MailIdentity;
import io.schedulr.notification.config.NotificationConfig;
import io.schedulr.notification.domain.DeliveryAttemptRecord;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** {@code GET /api/rooms/{roomId}/deliveries}: the audit trail of a room's invitation mails, for operators and the room's host. */
@Path("/api/rooms/{roomId}/deliveries")
@Authenticated
public class DeliveriesResource {
    @Inject
    ListDeliveriesUseCase deliveries;
    @Inject
    CurrentCaller currentCaller;
    @Inject
    NotificationConfig config;
    @Inject
    MailIdentity identity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<AttemptJson>> list(@PathParam("roomId") String roomId) {
        Caller caller = currentCaller.get();
        boolean operator = caller.email() != null && config.operators().orElse(List.of()).stream()
                .map(e -> e.strip().toLowerCase(Locale.ROOT)).anyMatch(e -> e.equals(caller.email().toLowerCase(Locale.ROOT)));
        return deliveries.list(new ListDeliveriesQuery(roomId, caller.id(), operator))
                .map(records -> records.stream().map(this::toJson).toList())
                .onFailure(ListDeliveriesUseCase.NotAllowedException.class)
                .transform(e -> new ApiException(403, "forbidden", e.getMessage()));
    }

    private AttemptJson toJson(DeliveryAttemptRecord r) {
        return new AttemptJson(r.attemptId(), r.deliveryId(), r.eventId(), r.roomId(), r.recipient(), r.method().name(), r.sequence(),
                r.outcome().name(), r.error(), r.attemptedAt(), r.messageKey() == null ? null : identity.messageId(r.messageKey()),
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
