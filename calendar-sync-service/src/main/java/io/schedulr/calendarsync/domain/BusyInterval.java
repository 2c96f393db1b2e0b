package io.schedulr.calendarsync.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A time a person is busy: from {@code start} (inclusive) to {@code end} (exclusive). Times only, never what the event is. */
public record BusyInterval(Instant start, Instant end) {
    public BusyInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a busy interval ends after it starts: " + start + " … " + end);
        }
    }

    /**
     * The intervals clipped to {@code [from, to)}, sorted by start, with overlapping or touching ones merged: what a
     * person's calendars together say, whichever calendar each interval came from. Intervals outside the range go.
     */
    public static List<BusyInterval> merged(List<BusyInterval> intervals, Instant from, Instant to) {
        List<BusyInterval> clipped = new ArrayList<>();
        for (BusyInterval busy : intervals) {
            Instant start = busy.start().isBefore(from) ? from : busy.start();
            Instant end = busy.end().isAfter(to) ? to : busy.end();
            if (end.isAfter(start)) {
                clipped.add(new BusyInterval(start, end));
            }
        }
        clipped.sort(Comparator.comparing(BusyInterval::start).thenComparing(BusyInterval::end));
        List<BusyInterval> merged = new ArrayList<>();
        for (BusyInterval next : clipped) {
            BusyInterval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !next.start().isAfter(last.end())) {
                if (next.end().isAfter(last.end())) {
                    merged.set(merged.size() - 1, new BusyInterval(last.start(), next.end()));
                }
            } else {
                merged.add(next);
            }
        }
        return List.copyOf(merged);
    }
}
