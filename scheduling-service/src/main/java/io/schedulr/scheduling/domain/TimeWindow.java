package io.schedulr.scheduling.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A start and an end, the end strictly after the start, in whole seconds: iCalendar (RFC 5545) and Google Calendar keep
 * no fractions, so a fraction kept here would read back from Google as a move of the session.
 */
public record TimeWindow(Instant start, Instant end) {
    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        start = start.truncatedTo(ChronoUnit.SECONDS);
        end = end.truncatedTo(ChronoUnit.SECONDS);
        if (!end.isAfter(start)) {
            throw new InvalidRequestException("end_before_start", "The end must be after the start.");
        }
    }

    public static TimeWindow starting(Instant start, Duration length) {
        return new TimeWindow(start, start.plus(length));
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    /** The same length, starting elsewhere. */
    public TimeWindow movedTo(Instant newStart) {
        return starting(newStart, length());
    }

    /** Whether the two share a moment; touching ends do not. */
    public boolean overlaps(TimeWindow other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** What of this window lies outside {@code other}: itself, the part before or after it, both, or nothing. */
    public java.util.List<TimeWindow> minus(TimeWindow other) {
        if (!overlaps(other)) {
            return java.util.List.of(this);
        }
        java.util.List<TimeWindow> left = new java.util.ArrayList<>(2);
        if (start.isBefore(other.start)) {
            left.add(new TimeWindow(start, other.start));
        }
        if (end.isAfter(other.end)) {
            left.add(new TimeWindow(other.end, end));
        }
        return java.util.List.copyOf(left);
    }

    public boolean startsAfter(Instant moment) {
        return start.isAfter(moment);
    }

    /** Refuses a window that does not start after {@code now}. */
    public TimeWindow requireFuture(Instant now) {
        if (!startsAfter(now)) {
            throw new InvalidRequestException("datetime_in_past", "The start must be in the future; got " + start + ".");
        }
        return this;
    }
}
