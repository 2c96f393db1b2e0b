package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.HandleMirrorFailureUseCase;
import io.schedulr.notification.application.port.in.HandleRoomChangeCommand;
import io.schedulr.notification.application.port.in.HandleRoomChangeUseCase;
import io.schedulr.notification.application.port.out.RecordRoomChangePort;
import io.schedulr.notification.application.port.out.ReminderPlanPort;
import io.schedulr.notification.domain.ChangeSource;
import io.schedulr.notification.domain.InviteMethod;
import io.schedulr.notification.domain.Meeting;
import io.schedulr.notification.domain.NotificationPlanner;
import io.schedulr.notification.domain.ReminderSession;
import io.schedulr.notification.domain.RoomChangeKind;
import io.smallrye.mutiny.Uni;

import java.util.Optional;
import java.util.function.Function;

public class RoomChangeService implements HandleRoomChangeUseCase, HandleMirrorFailureUseCase {
    private final RecordRoomChangePort store;
    private final NotificationPlanner planner;
    private final Runnable deliveriesQueued;
    private final ReminderPlanning reminders;

    /**
     * @param deliveriesQueued told after new deliveries are durably queued, so they go out without waiting for the next round
     * @param reminders        plans the booked room's reminders in the event's transaction
     */
    public RoomChangeService(RecordRoomChangePort store, NotificationPlanner planner, Runnable deliveriesQueued, ReminderPlanning reminders) {
        this.store = store;
        this.planner = planner;
        this.deliveriesQueued = deliveriesQueued;
        this.reminders = reminders;
    }

    @Override
    public Uni<Outcome> handle(HandleRoomChangeCommand command) {
        return apply(command, ChangeSource.ROOM_EVENT);
    }

    @Override
    public Uni<Outcome> handleMirrorFailure(HandleRoomChangeCommand command, String reason) {
        return apply(command, ChangeSource.MIRROR_FAILURE);
    }

    private Uni<Outcome> apply(HandleRoomChangeCommand command, ChangeSource source) {
        Optional<InviteMethod> method = command.kind().method();
        if (command.kind() == RoomChangeKind.DELETED && source == ChangeSource.ROOM_EVENT) {
            // Nobody is told (only unbooked rooms are deleted), but a session reminders still knew of ends here.
            return store.markConsumed(command.eventId(), command.roomId(), cancelReminders(command, "the room was deleted"))
                    .replaceWith(Outcome.IGNORED);
        }
        if (method.isEmpty()) {
            return Uni.createFrom().item(Outcome.IGNORED);
        }
        if (method.get() == InviteMethod.CANCEL && command.guest() == null) {
            // Invitations only ever go out for booked rooms; cancelling an unbooked room tells nobody anything.
            return store.markConsumed(command.eventId(), command.roomId(),
                    source == ChangeSource.ROOM_EVENT ? cancelReminders(command, "the room was cancelled") : null).replaceWith(Outcome.IGNORED);
        }
        Meeting meeting = command.meeting();
        return store.recordOnce(command.eventId(), meeting, method.get(),
                        situation -> planner.plan(command.eventId(), method.get(), meeting, situation, source),
                        remindersOf(command, meeting, method.get(), source))
                .map(plan -> {
                    if (plan == null) {
                        return Outcome.DUPLICATE;
                    }
                    if (plan.stale()) {
                        return Outcome.STALE;
                    }
                    if (!plan.invitations().isEmpty()) {
                        deliveriesQueued.run();
                        return Outcome.QUEUED;
                    }
                    return plan.leftToGoogle().isEmpty() ? Outcome.ALREADY_EMAILED : Outcome.LEFT_TO_GOOGLE;
                });
    }

    /**
     * Reminders follow the room events only: a mirror failure repeats a change the room events already told (possibly an
     * older one), and changes no reminder.
     */
    private Function<ReminderPlanPort, Uni<?>> remindersOf(HandleRoomChangeCommand command, Meeting meeting, InviteMethod method,
                                                           ChangeSource source) {
        if (source != ChangeSource.ROOM_EVENT) {
            return null;
        }
        if (method == InviteMethod.REQUEST) {
            return plan -> reminders.scheduled(plan, ReminderSessions.ofRoom(command, meeting), command.changedAt());
        }
        return cancelReminders(command, command.kind() == RoomChangeKind.RELEASED ? "the guest left the room" : "the room was cancelled");
    }

    private Function<ReminderPlanPort, Uni<?>> cancelReminders(HandleRoomChangeCommand command, String reason) {
        return plan -> reminders.cancelled(plan, ReminderSession.roomKey(command.roomId()), command.icsUid(), command.sequence(), reason);
    }
}
