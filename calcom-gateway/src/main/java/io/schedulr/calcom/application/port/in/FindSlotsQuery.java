package io.schedulr.calcom.application.port.in;

import java.time.Duration;
import java.time.Instant;

/**
 * Free slots of an event type in [start, end), written in {@code timeZone} (UTC when not given), optionally for one of
 * its other durations. Validates itself.
 */
public record FindSlotsQuery(long eventTypeId, Instant start, Instant end, String timeZone, Integer lengthInMinutes) {
    /** Cal.com computes slots day by day; a longer window is slow for it and useless for a person choosing a time. */
    public static final Duration MAX_WINDOW = Duration.ofDays(62);

    public FindSlotsQuery {
        if (eventTypeId < 1) {
            throw new InvalidInputException("eventTypeId", "must be a positive number.");
        }
        Inputs.required(start, "start");
        Inputs.required(end, "end");
        if (!start.isBefore(end)) {
            throw new InvalidInputException("end", "must be after start.");
        }
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw new InvalidInputException("end", "must be at most " + MAX_WINDOW.toDays() + " days after start.");
        }
        timeZone = timeZone == null ? "UTC" : Inputs.zone(timeZone, "timeZone");
        if (lengthInMinutes != null && (lengthInMinutes < 1 || lengthInMinutes > 1440)) {
            throw new InvalidInputException("lengthInMinutes", "must be between 1 and 1440.");
        }
    }
}
