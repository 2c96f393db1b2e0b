package io.schedulr.scheduling.domain;

import java.util.List;

/** The time clashes with what people already have on; {@link #conflicts()} are the clashing times only, never what they are. */
public class CalendarConflictException extends ConflictException {
    private final List<TimeWindow> conflicts;

    public CalendarConflictException(List<TimeWindow> conflicts) {
        super("calendar_conflict", "This time clashes with something already in the calendar of someone taking part ("
                + conflicts.size() + " clash" + (conflicts.size() == 1 ? "" : "es") + "); pick another time"
                + ", or send allowConflicts: true to ignore your own calendar.");
        this.conflicts = List.copyOf(conflicts);
    }

    public List<TimeWindow> conflicts() {
        return conflicts;
    }
}
