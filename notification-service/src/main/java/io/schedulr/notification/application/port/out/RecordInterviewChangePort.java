package io.schedulr.notification.application.port.out;

import io.schedulr.notification.domain.InterviewNotificationState;
import io.schedulr.notification.domain.InterviewPlan;
import io.schedulr.notification.domain.Meeting;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.function.Function;

/**
 * Unit of work for one consumed interview event: in one transaction, mark the event consumed, lock the interview's
 * state, let the planner decide, queue the planned deliveries in the same queue as rooms' (superseding older unsent
 * ones of the interview to the same person), audit the people whose address cannot be mailed and a stale decision, and
 * store the interview's new state — and, in the same transaction, the change's effect on the interview's reminders.
 */
public interface RecordInterviewChangePort {

    /**
     * @param meeting    the interview meeting after the change ({@link Meeting#interview()} set)
     * @param unusable   addresses (as the event gave them) that cannot be mailed; audited as UNDELIVERABLE unless stale
     * @param planner    called with the interview's locked state (null if nothing was told yet), inside the transaction
     * @param reminders  called with the reminder plan inside the same transaction (only for an event not consumed before)
     * @return the plan applied, or null when the event id was already consumed
     */
    Uni<InterviewPlan> recordOnce(String eventId, Meeting meeting, List<String> unusable,
                                  Function<InterviewNotificationState, InterviewPlan> planner, Function<ReminderPlanPort, Uni<?>> reminders);
}
