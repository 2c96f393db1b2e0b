package io.schedulr.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which reminders a session should have: for each person whose channel is email and each of their offsets, due = start −
 * offset. One already sent or skipped for that moment is not planned again. One whose moment had passed when the change
 * happened is not planned at all (a room booked 20 minutes before its start gets no 60-minute reminder); one whose moment
 * passed only while the change was on its way to us (a Kafka outage, a consumer catching up) is planned, and the sender
 * sends it at once if the session has not started yet, or skips and audits it if it has. A session that is over plans
 * nothing new. A reschedule that makes an offset due again at a new moment plans it again.
 */
public final class ReminderPlanner {
    private ReminderPlanner() {
    }

    /**
     * @param preferences the person's preference by user id; {@link ReminderPreference#DEFAULT} for null ids or unknown people
     * @param finished    {@link ReminderSlot#identity()} of the session's reminders already sent or skipped
     * @param changedAt   when the change happened (its event's time); null or later than {@code now}: {@code now}
     */
    public static ReminderPlan plan(ReminderSession session, Function<String, ReminderPreference> preferences, Set<String> finished,
                                    Instant changedAt, Instant now) {
        Instant since = changedAt == null || changedAt.isAfter(now) ? now : changedAt;
        boolean over = !now.isBefore(session.end());
        Set<String> wanted = new HashSet<>();
        List<ReminderSlot> toPlan = new ArrayList<>();
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
                if (finished.contains(slot.identity())) {
                    continue;
                }
                wanted.add(slot.identity());
                if (due.isAfter(since) && !over) {
                    toPlan.add(slot);
                }
            }
        }
        return new ReminderPlan(wanted, toPlan);
    }
}
