package io.schedulr.scheduling.adapter.in.rest;

import io.schedulr.scheduling.domain.UserProfile;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person as others see them in a room: no email address. */
@Schema(description = "A person as others see them in a room (no email address).")
public record PersonResponse(
        @Schema(description = "User id (the token's subject).", example = "google-oauth2|104729374659283746501")
        String id,
        @Schema(description = "Display name.", example = "Ada Lovelace")
        String name) {
    static PersonResponse of(UserProfile user) {
        return user == null ? null : new PersonResponse(user.id(), user.displayName());
    }
}
