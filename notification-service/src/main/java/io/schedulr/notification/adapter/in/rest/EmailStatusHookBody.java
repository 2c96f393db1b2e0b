package io.schedulr.notification.adapter.in.rest;

import io.schedulr.notification.domain.EmailStatus;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * The body of {@code POST /api/hooks/email-status} as the OpenAPI document shows it. The resource reads the raw bytes
 * ({@link EmailStatusNoticeJson}, which enforces exactly these fields), so this record only describes them.
 */
@Schema(name = "EmailStatusNotice", description = "A mail provider's report about a message we sent. No other fields are accepted.",
        additionalProperties = Schema.False.class)
record EmailStatusHookBody(
        @Schema(description = "The Message-ID of our mail, with or without angle brackets; at most 998 characters.",
                required = true, examples = "<9d1c0c4e-2f1b-4a57-8a0e-5b3f3f1e2d11@schedulr.local>") String messageId,
        @Schema(description = "What happened to the message (case-insensitive).", type = SchemaType.STRING,
                implementation = EmailStatus.class, required = true, examples = "bounced") String status,
        @Schema(description = "The provider's diagnostic; cut to 2000 characters; may span lines.", nullable = true,
                examples = "550 5.1.1 mailbox unavailable") String detail,
        @Schema(description = "When it happened: ISO-8601 with an offset, between 1970 and a day from now.", nullable = true,
                examples = "2030-01-01T09:00:05Z") OffsetDateTime occurredAt) {
}
