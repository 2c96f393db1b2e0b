package io.schedulr.scheduling.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Busy times as a person's calendars report them; only their overlap with a window matters. */
public final class BusyTimes {
    private BusyTimes() {
    }

    /**
     * The times that overlap {@code window} (touching ends do not), sorted, overlapping ones as one: the same commitment
     * is often reported twice — a session booked here and its event in Google, which Google's free/busy cuts to the time
     * asked about.
     */
    public static List<TimeWindow> clashingWith(TimeWindow window, List<TimeWindow> busy) {
        List<TimeWindow> overlapping = new ArrayList<>();
        for (TimeWindow b : busy) {
            if (b.start().isBefore(window.end()) && b.end().isAfter(window.start())) {
                overlapping.add(b);
            }
        }
        overlapping.sort(Comparator.comparing(TimeWindow::start).thenComparing(TimeWindow::end));
        List<TimeWindow> clashes = new ArrayList<>();
        for (TimeWindow b : overlapping) {
            TimeWindow last = clashes.isEmpty() ? null : clashes.get(clashes.size() - 1);
            if (last != null && b.start().isBefore(last.end())) {
                if (b.end().isAfter(last.end())) {
                    clashes.set(clashes.size() - 1, new TimeWindow(last.start(), b.end()));
                }
            } else {
                clashes.add(b);
            }
        }
        return clashes;
    }
}
