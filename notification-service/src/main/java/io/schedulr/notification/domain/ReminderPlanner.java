package io.schedulr.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which reminders of a session are still to be sent: for each person whose channel is email and each of their offsets,
 * due = start − offset; one already sent or skipped for that moment is not planned again, and one whose moment has passed
 * is not planned at all (a reminder is never sent late). A reschedule that makes an offset due again at a new moment
 * plans it again.
 */
public final class ReminderPlanner {
    private ReminderPlanner() {
    }

    /**
     * @param preferences the person's preference by user id; {@link ReminderPreference#DEFAULT} for null ids or unknown people
     * @param finished    {@link ReminderSlot#identity()} of the session's reminders already sent or skipped
     */
    public static List<ReminderSlot> pending(ReminderSession session, Function<String, ReminderPreference> preferences,
                                             Set<String> finished, Instant now) {
        List<ReminderSlot> slots = new ArrayList<>();
        for (SessionParticipant p : session.people()) {
            String userId = p.person().id();
            ReminderPreference preference = userId == null ? ReminderPreference.DEFAULT : preferences.apply(userId);
            if (preference == null) {
                preference = ReminderPreference.DEFAULT;
            }
            if (!preference.email()) {
                continue;
            }
            for (int minutes : preference.minutes()) {
                Instant due = session.start().minus(Duration.ofMinutes(minutes));
                ReminderSlot slot = new ReminderSlot(p.person().email(), userId, minutes, due);
                if (due.isAfter(now) && !finished.contains(slot.identity())) {
                    slots.add(slot);
                }
            }
        }
        return slots;
    }
}
