package io.schedulr.notification.adapter.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.rest.ErrorMappers;
import io.schedulr.notification.application.port.in.RecordEmailStatusUseCase;
import io.schedulr.notification.config.MailIdentity;
import io.schedulr.notification.config.NotificationConfig;
import io.schedulr.notification.domain.EmailStatus;
import io.schedulr.notification.domain.EmailStatusNotice;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code POST /api/hooks/email-status}: a mail provider reports delivery or bounce of a message we sent.
 * Authenticated by the shared secret in header {@code X-Hook-Secret} (config {@code notification.hooks.email-status-secret});
 * the secret is checked, in constant time, before the body is even parsed. Without a configured secret the hook is off (503).
 */
@Path("/api/hooks/email-status")
public class EmailStatusHookResource {
    public static final String SECRET_HEADER = "X-Hook-Secret";

    @Inject
    RecordEmailStatusUseCase notices;
    @Inject
    NotificationConfig config;
    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(@HeaderParam(SECRET_HEADER) String secret, byte[] body) {
        Optional<String> expected = config.hooks().emailStatusSecret().filter(s -> !s.isBlank());
        if (expected.isEmpty()) {
            return Uni.createFrom().item(ErrorMappers.error(503, "hook_not_configured",
                    "The email status hook is not configured on this server."));
        }
        if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8))) {
            return Uni.createFrom().item(Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new io.schedulr.kit.rest.ApiError("unauthorized", "A valid " + SECRET_HEADER + " header is required.")).build());
        }
        EmailStatusNotice notice = parse(body);
        return notices.record(notice).map(attempt -> attempt
                .map(id -> Response.accepted(new Recorded(id, notice.status().name())).build())
                .orElseThrow(() -> ApiException.notFound("unknown_message", "No sent message has the id " + notice.messageKey() + ".")));
    }

    private EmailStatusNotice parse(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed_json", "The request body is not valid JSON.");
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("malformed_json", "The request body could not be read.");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("malformed_json", "The request body must be a JSON object.");
        }
        String messageId = text(root, "messageId");
        if (messageId == null || MailIdentity.keyOf(messageId).isEmpty()) {
            throw ApiException.badRequest("missing_field", "Field 'messageId' is required.");
        }
        String statusText = text(root, "status");
        if (statusText == null) {
            throw ApiException.badRequest("missing_field", "Field 'status' is required.");
        }
        EmailStatus status = EmailStatus.parse(statusText).orElseThrow(() -> ApiException.badRequest("invalid_field",
                "Field 'status' must be one of " + Arrays.stream(EmailStatus.values()).map(s -> s.name().toLowerCase())
                        .collect(Collectors.joining(", ")) + "."));
        Instant occurredAt = null;
        String occurred = text(root, "occurredAt");
        if (occurred != null) {
            try {
                occurredAt = OffsetDateTime.parse(occurred).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("invalid_field", "Field 'occurredAt' must be an ISO-8601 date-time with offset.");
            }
        }
        String detail = text(root, "detail");
        if (detail != null && detail.length() > 2000) {
            detail = detail.substring(0, 2000);
        }
        return new EmailStatusNotice(MailIdentity.keyOf(messageId), status, detail, occurredAt);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest("invalid_field", "Field '" + field + "' must be a string.");
        }
        return node.asText();
    }

    public record Recorded(long attemptId, String status) {
    }
}
