package io.schedulr.scheduling.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PUT /api/me/preferences} body; the minutes stay a JSON tree so that 1.5 or "10" is refused rather than coerced. */
@Schema(name = "PreferencesRequest", description = "The caller's reminder preferences, as a whole.")
public record PreferencesRequest(
        @Schema(type = SchemaType.ARRAY, implementation = Integer.class, required = true,
                description = "Minutes before each session to remind: at most 3 different whole numbers, 1 to 10080 (7 days); [] for none.",
                example = "[60, 10]")
        JsonNode reminderMinutes,
        @Schema(required = true, enumeration = {"email", "popup"},
                description = "email: we email each reminder (and the caller's own Google events show them on screen too); "
                        + "popup: only the on-screen reminders of the caller's own Google events.", example = "email")
        String reminderChannel) {
}
