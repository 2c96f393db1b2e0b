package io.schedulr.scheduling.adapter.in.rest.interview;

import io.schedulr.scheduling.domain.interview.PlainText;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/startups/{id}/contacts} body; the domain checks the values, this bounds their size first. */
@Schema(description = "A contact to add to the startup; the address is unique within the startup.")
public record AddContactRequest(
        @Schema(description = "Full name.", example = "Linh Tran", required = true)
        @Size(max = PlainText.MAX_NAME) String name,
        @Schema(description = "Email address.", example = "linh@robolabs.example", required = true)
        @Size(max = 254) String email,
        @Schema(description = "Optional role at the startup.", example = "CEO")
        @Size(max = PlainText.MAX_ROLE) String role) {
}
