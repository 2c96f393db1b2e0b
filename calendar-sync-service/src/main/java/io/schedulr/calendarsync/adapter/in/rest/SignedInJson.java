package io.schedulr.calendarsync.adapter.in.rest;

import io.schedulr.calendarsync.application.port.in.SignInUseCase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The person's Google ID token: the bearer token of every schedulr API until it expires. */
@Schema(name = "SignedIn", description = "The signed-in person's Google ID token and when it expires.")
public record SignedInJson(
        @Schema(description = "Google ID token; send it as `Authorization: Bearer …`.") String idToken,
        @Schema(description = "When the token expires (sign in again after).", examples = "2030-01-15T11:00:00Z") Instant expiresAt,
        @Schema(examples = "alice@example.com") String email,
        @Schema(examples = "Alice") String name) {

    static SignedInJson of(SignInUseCase.SignedIn signedIn) {
        return new SignedInJson(signedIn.idToken(), signedIn.expiresAt(), signedIn.email(), signedIn.name());
    }

    @Override
    public String toString() {
        return "SignedInJson[email=" + email + ", expiresAt=" + expiresAt + "]";
    }
}
