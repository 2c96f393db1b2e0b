package io.schedulr.calendarsync.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/auth/google/sign-in}: what Google's redirect handed the web app, with the verifier it kept. */
@Schema(name = "GoogleSignIn", description = "What Google's sign-in redirect handed the web app; no other fields are accepted.",
        additionalProperties = Schema.False.class)
public record SignInRequest(
        @Schema(description = "The authorization code from Google's redirect.", examples = "4/0AdQt8qh7rM2x9Yk3cUoW1pBfL") String code,
        @Schema(description = "The PKCE verifier whose S256 challenge started the sign-in (43–128 characters).",
                examples = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") String codeVerifier,
        @Schema(description = "The page Google sent the browser back to, exactly as given at the start.",
                examples = "http://localhost:8080/") String redirectUri,
        @Schema(description = "The zone (IANA) to make the dedicated \"Schedulr Meetings\" calendar in when the calendar was "
                + "granted with the sign-in; UTC when left out.", examples = "Europe/Berlin") String timeZone) {
}
