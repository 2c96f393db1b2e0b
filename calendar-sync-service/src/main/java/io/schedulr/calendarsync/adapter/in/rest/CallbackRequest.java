package io.schedulr.calendarsync.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/auth/google/callback}: what Google handed the front end. */
@Schema(name = "GoogleCallback", description = "What Google's redirect handed the front end; no other fields are accepted.",
        additionalProperties = Schema.False.class)
public record CallbackRequest(
        @Schema(description = "The authorization code from Google's redirect.", examples = "4/0AdQt8qh7rM2x9Yk3cUoW1pBfL") String code,
        @Schema(description = "The state from Google's redirect, as this service issued it at start; single use.",
                examples = "bm9uY2UtN2Y0YQ.MTA5ODc2NTQzMjEwOTg3NjU0MzIx.c2lnbmF0dXJl") String state) {
}
