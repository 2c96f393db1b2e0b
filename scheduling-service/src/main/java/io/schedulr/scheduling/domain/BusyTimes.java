package io.schedulr.scheduling.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Busy times as a person's calendars report them; only their overlap with a window matters. */
public final class BusyTimes {
    private BusyTimes() {
    }

    /** The times that overlap {@code window} (touching ends do not), sorted, each once. */
    public static List<TimeWindow> clashingWith(TimeWindow window, List<TimeWindow> busy) {
        List<TimeWindow> clashes = new ArrayList<>();
        for (TimeWindow b : busy) {
            if (b.start().isBefore(window.end()) && b.end().isAfter(window.start()) && !clashes.contains(b)) {
                clashes.add(b);
            }
        }
        clashes.sort(Comparator.comparing(TimeWindow::start).thenComparing(TimeWindow::end));
        return clashes;
    }
}
