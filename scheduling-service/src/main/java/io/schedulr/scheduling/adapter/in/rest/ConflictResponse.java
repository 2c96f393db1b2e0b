package io.schedulr.scheduling.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The 409 of a clash: the error's code and message, and the clashing times (only times). */
@Schema(name = "CalendarConflict", description = "The requested time clashes with what someone taking part already has.")
public record ConflictResponse(
        @Schema(example = "calendar_conflict") String code,
        @Schema(example = "This time clashes with something already in your calendar (1 clash); pick another time, or send "
                + "allowConflicts: true to ignore your own calendar.")
        String message,
        @Schema(description = "The clashing busy times, sorted.") List<Period> conflicts,
        @Schema(description = "true when every clash is in the caller's own calendar or sessions, so that allowConflicts: true "
                + "would let the change through; false when someone else taking part is busy then.")
        boolean ownCalendarOnly) {

    public record Period(@Schema(example = "2030-01-15T10:00:00Z") Instant start, @Schema(example = "2030-01-15T11:00:00Z") Instant end) {
    }
}
