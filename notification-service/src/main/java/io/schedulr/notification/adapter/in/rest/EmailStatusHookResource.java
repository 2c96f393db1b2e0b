package io.schedulr.notification.adapter.in.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedulr.kit.rest.ApiError;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.rest.ErrorMappers;
import io.schedulr.notification.application.port.in.RecordEmailStatusUseCase;
import io.schedulr.notification.config.NotificationConfig;
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
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code POST /api/hooks/email-status}: a mail provider reports delivery or bounce of a message we sent.
 * Authenticated by the shared secret in header {@code X-Hook-Secret} (config {@code notification.hooks.email-status-secret});
 * the secret is checked before the body is even parsed, comparing digests in constant time so neither its content nor
 * its length leaks. Without a configured secret the hook is off (503).
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
    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(@HeaderParam(SECRET_HEADER) String secret, byte[] body) {
        Optional<String> expected = config.hooks().emailStatusSecret().filter(s -> !s.isBlank());
        if (expected.isEmpty()) {
            return Uni.createFrom().item(ErrorMappers.error(503, "hook_not_configured",
                    "The email status hook is not configured on this server."));
        }
        if (secret == null || !(matches(secret, expected.get()) | matches(secret, previousSecret()))) {
            return Uni.createFrom().item(Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("unauthorized", "A valid " + SECRET_HEADER + " header is required.")).build());
        }
        EmailStatusNotice notice = EmailStatusNoticeJson.parse(json, body, clock);
        return notices.record(notice).map(attempt -> attempt
                .map(id -> Response.accepted(new Recorded(id, notice.status().name())).build())
                .orElseThrow(() -> ApiException.notFound("unknown_message",
                        "No sent message has the id " + Excerpts.of(notice.messageKey()) + ".")));
    }

    private String previousSecret() {
        return config.hooks().emailStatusPreviousSecret().filter(s -> !s.isBlank()).orElse(null);
    }

    /** Digests compared in constant time; both secrets are always compared (non-short-circuit OR above). */
    private static boolean matches(String given, String secret) {
        return secret != null && MessageDigest.isEqual(digest(given), digest(secret));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public record Recorded(long attemptId, String status) {
    }
}
