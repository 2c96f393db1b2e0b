package io.schedulr.notification.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

/**
 * When a person wants email reminders: minutes before each session, and whether by email at all ({@code popup} = only the
 * on-screen reminders of their own Google events, none from us).
 *
 * @param timeZone the IANA zone the person chose, which their reminders are written in whatever zone a session's event
 *                 gave them; null when they never chose one (or the name is no zone)
 */
public record ReminderPreference(List<Integer> minutes, boolean email, String timeZone) {
    /** What everyone without a stored choice gets, also guests and contacts without a user id: 60 and 10 minutes, by email. */
    public static final ReminderPreference DEFAULT = new ReminderPreference(List.of(60, 10), true);

    public ReminderPreference {
        TreeSet<Integer> distinct = new TreeSet<>();
        for (Integer m : minutes == null ? List.<Integer>of() : minutes) {
            if (m != null && m > 0) {
                distinct.add(m);
            }
        }
        minutes = List.copyOf(distinct.descendingSet());
        timeZone = zoneOrNull(timeZone);
    }

    public ReminderPreference(List<Integer> minutes, boolean email) {
        this(minutes, email, null);
    }

    private static String zoneOrNull(String zone) {
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(zone.strip()).getId();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
