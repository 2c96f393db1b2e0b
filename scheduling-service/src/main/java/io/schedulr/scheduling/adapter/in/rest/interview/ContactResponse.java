package io.schedulr.scheduling.adapter.in.rest.interview;

import io.schedulr.scheduling.domain.interview.Contact;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A startup's contact; {@code role} is null when not known. */
@Schema(description = "A startup's contact.")
public record ContactResponse(
        @Schema(description = "Contact id (a UUID).", example = "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b") String id,
        @Schema(description = "The startup's id.", example = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d") String startupId,
        @Schema(description = "Full name.", example = "Linh Tran") String name,
        @Schema(description = "Email address.", example = "linh@robolabs.example") String email,
        @Schema(description = "Role; null when not known.", example = "CEO", nullable = true) String role) {
    static ContactResponse of(Contact c) {
        return new ContactResponse(c.id().toString(), c.startupId().toString(), c.name(), c.email(), c.role());
    }
}
