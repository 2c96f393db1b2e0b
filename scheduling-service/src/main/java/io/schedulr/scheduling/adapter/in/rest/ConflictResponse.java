package io.schedulr.scheduling.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The 409 of a clash: the error's code and message, and the clashing times (only times). */
@Schema(name = "CalendarConflict", description = "The requested time clashes with what someone taking part already has.")
public record ConflictResponse(
        @Schema(example = "calendar_conflict") String code,
        @Schema(example = "This time clashes with something already in the calendar of someone taking part (1 clash); pick another time.")
        String message,
        @Schema(description = "The clashing busy times, sorted.") List<Period> conflicts) {

    public record Period(@Schema(example = "2030-01-15T10:00:00Z") Instant start, @Schema(example = "2030-01-15T11:00:00Z") Instant end) {
    }
}
