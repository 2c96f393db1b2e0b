package io.schedulr.calcom.adapter.in.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.schedulr.calcom.application.port.in.ReceiveBookingChangeCommand;
import io.schedulr.calcom.application.port.in.ReceiveBookingChangeUseCase;
import io.schedulr.calcom.application.port.in.WebhookReceipt;
import io.schedulr.calcom.domain.WebhookSecrets;
import io.schedulr.kit.openapi.ErrorResponsesFilter;
import io.schedulr.kit.rest.ErrorMappers;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * {@code POST /webhooks/calcom}: Cal.com's booking webhooks. No bearer token — the signature is the authentication:
 * {@code X-Cal-Signature-256} must match the raw bytes under one of the configured secrets, checked before anything
 * is parsed; otherwise 401 and nothing is stored. Then the body is read (400 with the reason when it cannot be), and
 * the change is taken in one transaction (dedup, audit, ordering, outbox). Answers 200 for everything authentic and
 * readable, duplicates included, so Cal.com does not send it again.
 */
@Path("/webhooks/calcom")
@Tag(name = "Cal.com webhook", description = "Called by Cal.com, authenticated by the body's signature.")
public class CalcomWebhookResource {
    static final String SIGNATURE_HEADER = "X-Cal-Signature-256";
    private static final Logger LOG = Logger.getLogger(CalcomWebhookResource.class);

    @Inject
    WebhookSecrets secrets;
    @Inject
    ReceiveBookingChangeUseCase receiver;
    @Inject
    ObjectMapper mapper;
    @Inject
    WebhookMeters meters;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cal.com booking webhook",
            description = "Cal.com's booking webhooks (BOOKING_CREATED, BOOKING_RESCHEDULED, BOOKING_CANCELLED, BOOKING_REJECTED; PING). No bearer "
                    + "token: X-Cal-Signature-256 must be the HMAC-SHA256 (hex) of the raw body under one of the configured secrets, "
                    + "checked before anything is parsed. Each booking change becomes one event on calcom.booking-events.v1. "
                    + "Everything authentic and readable is answered 200, duplicates included, so Cal.com does not send it again.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CalcomWebhookPayload.class),
            examples = @ExampleObject(name = "booking_created", value = """
                    {"triggerEvent": "BOOKING_CREATED", "createdAt": "2031-03-01T12:00:00.000Z",
                     "payload": {"uid": "8bYkhFgTPrq1HqByE7jwoE", "iCalUID": "8bYkhFgTPrq1HqByE7jwoE@Cal.com", "iCalSequence": 0,
                      "bookingId": 5001, "eventTypeId": 1001, "title": "Interview (30 min)", "status": "ACCEPTED",
                      "startTime": "2031-03-03T09:00:00Z", "endTime": "2031-03-03T09:30:00Z",
                      "organizer": {"name": "Ada Host", "email": "ada@example.com", "timeZone": "Europe/Berlin"},
                      "attendees": [{"name": "Grace Candidate", "email": "grace@example.com", "timeZone": "America/New_York"}],
                      "location": "integrations:daily",
                      "metadata": {"videoCallUrl": "https://app.cal.com/video/8bYkhFgTPrq1HqByE7jwoE",
                                   "schedulrInterviewId": "iv-42"}}}""")))
    @APIResponse(responseCode = "200", description = "Taken (or recognised as a duplicate, or acknowledged and ignored).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookOutcomeJson.class)))
    @Extension(name = ErrorResponsesFilter.CODES, value = "INVALID_WEBHOOK INVALID_SIGNATURE UNSUPPORTED_MEDIA_TYPE "
            + "WEBHOOK_SECRET_NOT_CONFIGURED")
    public Response receive(byte[] body,
                            @Parameter(description = "HMAC-SHA256 of the raw body under the webhook secret, lower-case hex.",
                                    required = true, example = "5d41402abc4b2a76b9719d911017c592aa1b1b2e06e1d9b4f1d33f9a1f0b7c3e")
                            @HeaderParam(SIGNATURE_HEADER) String signature) {
        if (!secrets.configured()) {
            LOG.error("Cal.com webhook refused: no webhook secret is configured (CALCOM_WEBHOOK_SECRET)");
            meters.rejected("webhook_secret_not_configured");
            return ErrorMappers.error(503, "webhook_secret_not_configured",
                    "No Cal.com webhook secret is configured here, so no delivery can be verified.");
        }
        if (signature == null || signature.isBlank() || !secrets.verifies(body == null ? new byte[0] : body, signature)) {
            LOG.warnf("Cal.com webhook refused: %s (%d bytes)", signature == null || signature.isBlank() ? "unsigned" : "signature does not match",
                    body == null ? 0 : body.length);
            meters.rejected("invalid_signature");
            return ErrorMappers.error(401, "invalid_signature",
                    "X-Cal-Signature-256 is missing or does not match the body under any configured webhook secret.");
        }
        CalcomWebhookReader.Message message;
        try {
            message = new CalcomWebhookReader(mapper).read(body);
        } catch (CalcomWebhookReader.Unreadable e) {
            LOG.warnf("Cal.com webhook refused as unreadable: %s", e.getMessage());
            meters.rejected("invalid_webhook");
            return ErrorMappers.error(400, "invalid_webhook", e.getMessage());
        }
        if (message instanceof CalcomWebhookReader.NotTranslated ignored) {
            LOG.infof("Cal.com webhook %s acknowledged, not translated", ignored.trigger());
            meters.accepted("ignored");
            return ok("ignored");
        }
        if (!(message instanceof CalcomWebhookReader.Booking booking)) {
            meters.accepted("pong");
            return ok("pong");
        }
        WebhookReceipt receipt = QuarkusTransaction.requiringNew()
                .call(() -> receiver.receive(new ReceiveBookingChangeCommand(booking.change(), body)));
        LOG.infof("Cal.com webhook %s for meeting %s (sequence %d): %s", booking.change().kind().trigger(), booking.change().icalUid(),
                booking.change().sequence(), receipt.wire());
        if (receipt == WebhookReceipt.DUPLICATE) {
            meters.duplicate();
        } else {
            meters.accepted(receipt.wire());
        }
        return ok(receipt.wire());
    }

    private static Response ok(String outcome) {
        return Response.ok(new WebhookOutcomeJson(outcome)).build();
    }
}
