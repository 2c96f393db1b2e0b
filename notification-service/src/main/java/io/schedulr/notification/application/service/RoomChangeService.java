package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.HandleMirrorFailureUseCase;
import io.schedulr.notification.application.port.in.HandleRoomChangeCommand;
import io.schedulr.notification.application.port.in.HandleRoomChangeUseCase;
import io.schedulr.notification.application.port.out.RecordRoomChangePort;
import io.schedulr.notification.domain.ChangeSource;
import io.schedulr.notification.domain.InviteMethod;
import io.schedulr.notification.domain.Meeting;
import io.schedulr.notification.domain.NotificationPlanner;
import io.smallrye.mutiny.Uni;

import java.util.Optional;

public class RoomChangeService implements HandleRoomChangeUseCase, HandleMirrorFailureUseCase {
    private final RecordRoomChangePort store;
    private final NotificationPlanner planner;
    private final Runnable deliveriesQueued;

    /**
     * @param deliveriesQueued told after new deliveries are durably queued, so they go out without waiting for the next round
     */
    public RoomChangeService(RecordRoomChangePort store, NotificationPlanner planner, Runnable deliveriesQueued) {
        this.store = store;
        this.planner = planner;
        this.deliveriesQueued = deliveriesQueued;
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
        if (method.isEmpty()) {
            return Uni.createFrom().item(Outcome.IGNORED);
        }
        if (method.get() == InviteMethod.CANCEL && command.guest() == null) {
            // Invitations only ever go out for booked rooms; cancelling an unbooked room tells nobody anything.
            return store.markConsumed(command.eventId(), command.roomId()).replaceWith(Outcome.IGNORED);
        }
        Meeting meeting = command.meeting();
        return store.recordOnce(command.eventId(), meeting, method.get(),
                        situation -> planner.plan(command.eventId(), method.get(), meeting, situation, source))
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
}
