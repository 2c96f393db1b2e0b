package io.schedulr.notification.adapter.in.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.schedulr.kit.openapi.ErrorResponsesFilter;
import io.schedulr.kit.rest.ApiError;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.rest.ErrorMappers;
import io.schedulr.notification.application.port.in.RecordEmailStatusUseCase;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /api/hooks/email-status}: a mail provider reports delivery or bounce of a message we sent.
 * Authenticated by the shared secret in header {@code X-Hook-Secret} (config {@code notification.hooks.email-status-secret});
 * the secret is checked before the body is even parsed, comparing digests in constant time so neither its content nor
 * its length leaks. Without a configured secret the hook is off (503).
 */
@Path("/api/hooks/email-status")
@Tag(name = "Hooks", description = "Called by the mail provider, authenticated by a shared secret.")
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
    @Inject
    MeterRegistry meters;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report delivery status of a sent mail",
            description = "The mail provider reports delivery, deferral, bounce, rejection or complaint of a message we sent. "
                    + "The X-Hook-Secret header is checked before the body is read (the previous secret is accepted during a "
                    + "rotation); the body is read as JSON whatever its Content-Type. No bearer token.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EmailStatusHookBody.class),
            examples = @ExampleObject(name = "bounce", value = "{\"messageId\": \"<9d1c0c4e-2f1b-4a57-8a0e-5b3f3f1e2d11@schedulr.local>\", "
                    + "\"status\": \"bounced\", \"detail\": \"550 5.1.1 mailbox unavailable\", \"occurredAt\": \"2030-01-01T09:00:05Z\"}")))
    @APIResponse(responseCode = "202", description = "Recorded against the attempt that sent the message.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Recorded.class)))
    @Extension(name = ErrorResponsesFilter.CODES, value = "MALFORMED_JSON INVALID_BODY MISSING_FIELD UNKNOWN_FIELD INVALID_FIELD "
            + "HOOK_SECRET_REQUIRED UNKNOWN_MESSAGE HOOK_NOT_CONFIGURED")
    public Uni<Response> receive(
            @Parameter(in = ParameterIn.HEADER, name = SECRET_HEADER, required = true,
                    description = "The shared secret configured as notification.hooks.email-status-secret.")
            @HeaderParam(SECRET_HEADER) String secret,
            byte[] body) {
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
                .map(id -> {
                    reported(notice.status());
                    return Response.accepted(new Recorded(id, notice.status().name())).build();
                })
                .orElseThrow(() -> ApiException.notFound("unknown_message",
                        "No sent message has the id " + Excerpts.of(notice.messageKey()) + ".")));
    }

    /**
     * {@code schedulr_mail_reports_total{status}} on /q/metrics: the provider's reports recorded against a mail we sent, by
     * status (a rising share of {@code bounced} or {@code complained} hurts the sender's reputation).
     */
    private void reported(EmailStatus status) {
        Counter.builder("schedulr.mail.reports").tag("status", status.name().toLowerCase(Locale.ROOT))
                .description("Mail provider reports (POST /api/hooks/email-status) recorded against a mail we sent, by status")
                .register(meters).increment();
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

    @Schema(name = "EmailStatusRecorded", description = "The report was stored against this attempt.")
    public record Recorded(
            @Schema(description = "The delivery attempt that sent the message.", examples = "17") long attemptId,
            @Schema(description = "The reported status, upper case.", type = SchemaType.STRING, implementation = EmailStatus.class,
                    examples = "BOUNCED") String status) {
    }
}
