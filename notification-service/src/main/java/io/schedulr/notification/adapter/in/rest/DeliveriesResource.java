package io.schedulr.notification.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.schedulr.kit.openapi.ErrorResponsesFilter;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.rest.QueryParameters;
import io.schedulr.kit.security.Caller;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.notification.application.port.in.ListDeliveriesUseCase;
import io.schedulr.notification.application.port.in.ListDeliveriesUseCase.ListDeliveriesQuery;
import io.schedulr.notification.config.MailIdentity;
import io.schedulr.notification.domain.DeliveryAttemptRecord;
import io.schedulr.notification.domain.DeliveryOutcome;
import io.schedulr.notification.domain.DeliveryStatus;
import io.schedulr.notification.domain.EmailStatus;
import io.schedulr.notification.domain.InviteMethod;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/rooms/{roomId}/deliveries}: the audit trail of a room's invitation mails, for operators (role
 * {@value #OPERATOR_ROLE}) and the room's host and guest. Anyone else gets the same 404 as for a room that does not exist.
 */
@Path("/api/rooms/{roomId}/deliveries")
@Authenticated
@Tag(name = "Deliveries", description = "The audit trail of a room's invitation mails.")
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
    @Operation(summary = "Invitation mails of a room",
            description = "Every delivery attempt of the room's invitation mails, oldest first, with what the mail provider reported "
                    + "since. For operators (role admin) and the room's host and guest; anyone else gets 404 room_not_found, "
                    + "as for a room that does not exist. Takes no query parameters.")
    @APIResponse(responseCode = "200", description = "The attempts, oldest first (empty when nothing was sent yet).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AttemptJson.class)))
    @Extension(name = ErrorResponsesFilter.CODES, value = "INVALID_ROOM_ID UNKNOWN_PARAMETER ROOM_NOT_FOUND")
    public Uni<List<AttemptJson>> list(
            @Parameter(description = "The room's id, a UUID in canonical lower-case form.", example = "3f6c2a9e-1b7d-4c5e-9a8f-2d4b6c8e0f12")
            @PathParam("roomId") String roomId,
            @Context UriInfo uri) {
        Caller caller = currentCaller.get();
        QueryParameters.refuseAny(uri.getQueryParameters().keySet());
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

    @Schema(name = "DeliveryAttempt", description = "One attempt to send one recipient one invitation mail (iMIP) of the room.")
    public record AttemptJson(
            @Schema(description = "Id of this attempt.", examples = "17") long attemptId,
            @Schema(description = "The delivery (one recipient, one room event) the attempt belongs to.", examples = "9", nullable = true)
            Long deliveryId,
            @Schema(description = "The CloudEvents id of the room event that asked for the mail.",
                    examples = "0b6c5f0e-3c1e-4a0e-9a39-6f6d0c8e2f4b") String eventId,
            @Schema(examples = "3f6c2a9e-1b7d-4c5e-9a8f-2d4b6c8e0f12") String roomId,
            @Schema(description = "The recipient's email address.", examples = "gus@example.com") String recipient,
            @Schema(description = "iCalendar METHOD of the invitation.", type = SchemaType.STRING, implementation = InviteMethod.class,
                    examples = "REQUEST")
            String method,
            @Schema(description = "iCalendar SEQUENCE the mail carried.", examples = "0") int sequence,
            @Schema(description = "How the attempt ended.", type = SchemaType.STRING, implementation = DeliveryOutcome.class,
                    examples = "SENT") String outcome,
            @Schema(description = "Why the attempt failed; null when it did not.", nullable = true, examples = "421 try again later")
            String error,
            @Schema(examples = "2030-01-01T09:00:01.234Z") Instant attemptedAt,
            @Schema(description = "The Message-ID of the mail; null when no mail of ours was sent (e.g. left to Google).", nullable = true,
                    examples = "<9d1c0c4e-2f1b-4a57-8a0e-5b3f3f1e2d11@schedulr.local>") String messageId,
            @Schema(description = "The delivery's state now.", type = SchemaType.STRING, implementation = DeliveryStatus.class,
                    nullable = true, examples = "SENT")
            String deliveryStatus,
            @Schema(description = "What the mail provider reported about the message, oldest first.") List<NoticeJson> notices) {
    }

    @Schema(name = "DeliveryNotice", description = "A delivery report of the mail provider (POST /api/hooks/email-status).")
    public record NoticeJson(
            @Schema(type = SchemaType.STRING, implementation = EmailStatus.class, examples = "BOUNCED") String status,
            @Schema(description = "The provider's diagnostic, at most 2000 characters.", nullable = true,
                    examples = "550 5.1.1 mailbox unavailable") String detail,
            @Schema(description = "When it happened, as the provider says; null when it did not say.", nullable = true,
                    examples = "2030-01-01T09:00:05Z") Instant occurredAt,
            @Schema(description = "When we received the report.", examples = "2030-01-01T09:00:06.120Z") Instant receivedAt) {
    }
}
