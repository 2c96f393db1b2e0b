package io.schedulr.notification.domain;

import java.util.List;
import java.util.Set;

/**
 * A session's reminders after a change.
 *
 * @param wanted {@link ReminderSlot#identity()} of every reminder the session still has a reason for: a pending reminder
 *               not among them is cancelled; one among them stays pending even when its moment has passed (it is being
 *               retried, or waits for the next round of the sender)
 * @param toPlan the wanted reminders to make pending now: those whose moment is still ahead of the change
 */
public record ReminderPlan(Set<String> wanted, List<ReminderSlot> toPlan) {
    public ReminderPlan {
        wanted = Set.copyOf(wanted);
        toPlan = List.copyOf(toPlan);
    }
}
