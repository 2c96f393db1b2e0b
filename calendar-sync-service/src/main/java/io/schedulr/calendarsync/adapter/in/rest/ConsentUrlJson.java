package io.schedulr.calendarsync.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /api/auth/google/start} for a caller that accepts JSON: where to send the browser. */
@Schema(name = "ConsentUrl", description = "Google's consent page for the caller.")
public record ConsentUrlJson(
        @Schema(description = "Google's consent page, with our state and PKCE challenge.",
                examples = "https://accounts.google.com/o/oauth2/v2/auth?client_id=…&state=…&code_challenge=…") String url) {
}
