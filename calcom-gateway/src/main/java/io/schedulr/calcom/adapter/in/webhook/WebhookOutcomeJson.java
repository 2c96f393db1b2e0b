package io.schedulr.calcom.adapter.in.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an authentic, readable Cal.com delivery: what became of it. */
@Schema(name = "CalcomWebhookOutcome")
record WebhookOutcomeJson(
        @Schema(description = "published: announced; held: waits for an earlier change of the meeting; duplicate: taken before; "
                + "stale: behind what was announced, kept for audit; ignored: a trigger we do not translate; pong: a PING.",
                enumeration = {"published", "held", "duplicate", "stale", "ignored", "pong"}, examples = "published") String status) {
}
