package io.schedulr.scheduling.adapter.in.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One window of {@code POST /api/slots}. */
@Schema(description = "One availability window of the caller.")
public record SlotWindowRequest(
        @Schema(description = "Start, ISO-8601 with an offset, in the future.", example = "2030-01-15T10:00:00Z", required = true)
        @Size(max = 64) String startTs,
        @Schema(description = "End, after the start; a slot lasts 15 minutes to 8 hours.",
                example = "2030-01-15T11:00:00Z", required = true)
        @Size(max = 64) String endTs) {
}
