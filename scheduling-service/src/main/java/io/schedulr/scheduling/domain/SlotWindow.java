package io.schedulr.scheduling.domain;

import java.time.Duration;
import java.time.Instant;

/** A start and an end a host wants to offer, checked against the rules of availability. */
public record SlotWindow(Instant startTs, Instant endTs) {

    public static SlotWindow of(String start, String end, Instant now, Duration minLength, Duration maxLength) {
        Instant s = Timestamps.requireFuture("startTs", Timestamps.parseUtc("startTs", start), now);
        Instant e = Timestamps.parseUtc("endTs", end);
        if (!e.isAfter(s)) {
            throw new InvalidRequestException("end_before_start", "'endTs' must be after 'startTs'.");
        }
        Duration length = Duration.between(s, e);
        if (length.compareTo(minLength) < 0 || length.compareTo(maxLength) > 0) {
            throw new InvalidRequestException("invalid_slot_length",
                    "A slot lasts from " + minLength.toMinutes() + " to " + maxLength.toMinutes() + " minutes; this one lasts "
                            + length.toMinutes() + ".");
        }
        return new SlotWindow(s, e);
    }
}
