package io.schedulr.scheduling.adapter.in.rest.interview;

import io.schedulr.scheduling.application.port.in.interview.StartupDetails;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A startup with its contacts (sorted by name); {@code website} is null when not known. */
@Schema(description = "A startup with its contacts.")
public record StartupResponse(
        @Schema(description = "Startup id (a UUID).", example = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d") String id,
        @Schema(description = "Name.", example = "Robo Labs") String name,
        @Schema(description = "Website; null when not known.", example = "https://robolabs.example", nullable = true) String website,
        @Schema(description = "Its contacts, sorted by name.") List<ContactResponse> contacts) {
    static StartupResponse of(StartupDetails d) {
        return new StartupResponse(d.startup().id().toString(), d.startup().name(), d.startup().website(),
                d.contacts().stream().map(ContactResponse::of).toList());
    }
}
