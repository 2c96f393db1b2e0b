package io.schedulr.scheduling.adapter.in.rest.interview;

import io.schedulr.scheduling.domain.interview.PlainText;
import io.schedulr.scheduling.domain.interview.Startup;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/startups} body; the domain checks the values, this bounds their size first. */
@Schema(description = "A startup to add; its name is unique without regard to case.")
public record AddStartupRequest(
        @Schema(description = "Name, at most 200 characters.", example = "Robo Labs", required = true)
        @Size(max = PlainText.MAX_NAME) String name,
        @Schema(description = "Optional http(s) address.", example = "https://robolabs.example")
        @Size(max = Startup.MAX_WEBSITE) String website) {
}
