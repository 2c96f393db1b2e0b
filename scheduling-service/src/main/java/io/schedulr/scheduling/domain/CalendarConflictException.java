package io.schedulr.scheduling.domain;

import java.util.List;

/**
 * The time clashes with what people already have on; {@link #conflicts()} are the clashing times only, never what they
 * are. {@link #ownOnly()} says whether every clash is the actor's own, so that asking to ignore their own calendar
 * would let the change through; when someone else taking part is busy, it would not.
 */
public class CalendarConflictException extends ConflictException {
    private final List<TimeWindow> conflicts;
    private final boolean ownOnly;

    public CalendarConflictException(List<TimeWindow> conflicts, boolean ownOnly) {
        super("calendar_conflict", message(conflicts.size(), ownOnly));
        this.conflicts = List.copyOf(conflicts);
        this.ownOnly = ownOnly;
    }

    public List<TimeWindow> conflicts() {
        return conflicts;
    }

    public boolean ownOnly() {
        return ownOnly;
    }

    private static String message(int count, boolean ownOnly) {
        String clashes = " (" + count + " clash" + (count == 1 ? "" : "es") + "); pick another time";
        return ownOnly
                ? "This time clashes with something already in your calendar" + clashes + ", or send allowConflicts: true to ignore your own calendar."
                : "This time clashes with something already in the calendar of someone else taking part" + clashes
                + ". allowConflicts ignores only your own calendar.";
    }
}
