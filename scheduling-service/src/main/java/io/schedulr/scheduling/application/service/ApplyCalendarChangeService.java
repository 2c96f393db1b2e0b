package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.ApplyCalendarChangeCommand;
import io.schedulr.scheduling.application.port.in.ApplyCalendarChangeUseCase;
import io.schedulr.scheduling.application.port.out.LoadRoomPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.ConcurrentChangeException;
import io.schedulr.scheduling.domain.DomainException;
import io.schedulr.scheduling.domain.ForbiddenActionException;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Takes over what a host or guest did to a room's event in Google Calendar, as the same change made in the app:
 * <ul>
 *   <li>moved: the room is rescheduled to the new start exactly as {@link EditRoomService} does it (the room's own
 *   rule, {@link PracticeRoom#followCalendarMove}, in a {@link RoomChangeFlow}: RESCHEDULED event, audit row, the guest's
 *   invitation updated). The room keeps its length. A move the room refuses (a start that has passed, or another
 *   length only) is {@link Outcome#PUT_BACK}: the room stays, announced again as RESCHEDULED at a higher SEQUENCE, so
 *   calendar-sync-service writes the room's time back onto the Google event and the room's SEQUENCE stays the one the
 *   next edit in Google is made against;</li>
 *   <li>deleted: the room is deleted exactly as {@link DeleteRoomService} does it ({@link RoomDeletion}: CANCELLED
 *   event for a booked room);</li>
 *   <li>declined by the guest: the booking is released exactly as {@link ReleaseBookingService} does it (the room's
 *   own {@code release} rule through {@link RoomChangeFlow#release}: RELEASED event with the booking as it ends, the room
 *   open again under a new invitation UID).</li>
 * </ul>
 * Only the room's host may move or delete it, only its guest may release it. A change made in Google against an older
 * state of the room (its invitation SEQUENCE has moved on since calendar-sync-service last mirrored it) is
 * {@link Outcome#STALE} and changes nothing: the app's newer change wins and is mirrored back to Google. The actor's stored profile stands in for the
 * token claims of an app request; an actor scheduling-service does not know is refused. The calendar gate is asked
 * from the stored state only (there is no caller's token to ask calendar-sync-service with): a host who disconnected
 * meanwhile is refused. A deletion or a release is not gated, as in the app (nobody is trapped in a booking). Every
 * refusal is an {@link Outcome#REFUSED} with its reason, never a failure.
 */
public class ApplyCalendarChangeService implements ApplyCalendarChangeUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final LoadRoomPort load;
    private final RoomChangeFlow flow;
    private final RoomDeletion deletion;
    private final Clock clock;

    /** @param flow the room change flow whose calendar gate answers from the stored state ({@link CalendarGate#storedStateOnly()}) */
    public ApplyCalendarChangeService(UnitOfWork tx, UserDirectoryPort users, LoadRoomPort load, RoomChangeFlow flow, RoomDeletion deletion,
                                      Clock clock) {
        this.tx = tx;
        this.users = users;
        this.load = load;
        this.flow = flow;
        this.deletion = deletion;
        this.clock = clock;
    }

    @Override
    public Uni<Result> apply(ApplyCalendarChangeCommand command) {
        return tx.inTransaction(() -> users.findAll(List.of(command.actorId())))
                .chain(known -> {
                    UserProfile actor = known.get(command.actorId());
                    if (actor == null) {
                        return Uni.createFrom().item(new Result(Outcome.REFUSED, "unknown_actor: " + command.actorId() + " is not a known user"));
                    }
                    return switch (command.change()) {
                        case RESCHEDULE -> reschedule(actor, command);
                        case CANCEL -> cancel(actor, command);
                        case RELEASE_BOOKING -> release(actor, command);
                    };
                })
                .onFailure(NoChange.class).recoverWithItem(e -> ((NoChange) e).result)
                .onFailure(ApplyCalendarChangeService::refusal).recoverWithItem(e -> {
                    DomainException refused = (DomainException) e;
                    return new Result(Outcome.REFUSED, refused.code() + ": " + refused.getMessage());
                });
    }

    private Uni<Result> reschedule(UserProfile actor, ApplyCalendarChangeCommand command) {
        AtomicReference<String> putBack = new AtomicReference<>();
        return flow.applyMadeInCalendar(actor, command.roomId(), (room, now) -> {
            requireHostOfCurrent(room, actor, command, "Only the host can reschedule a room.");
            PracticeRoom.CalendarMove move = room.followCalendarMove(actor.id(), command.newStart(), now);
            putBack.set(move.putBack());
            return move.room();
        }, EditRoomService::typeOf).map(details -> putBack.get() == null ? Result.of(Outcome.RESCHEDULED)
                : new Result(Outcome.PUT_BACK, putBack.get()));
    }

    private Uni<Result> release(UserProfile actor, ApplyCalendarChangeCommand command) {
        return flow.release(actor, command.roomId(), (room, now) -> {
            if (!actor.id().equals(room.guestId())) {
                throw new ForbiddenActionException("not_room_guest", "Only the room's guest can release its booking.");
            }
            requireCurrent(room, command);
            return room.release(actor.id(), now);
        }).map(details -> Result.of(Outcome.RELEASED));
    }

    private Uni<Result> cancel(UserProfile actor, ApplyCalendarChangeCommand command) {
        return tx.inTransaction(() -> load.load(command.roomId()).chain(found -> {
            if (found.isEmpty()) {
                throw new NoChange(new Result(Outcome.GONE, "room_gone: room " + command.roomId() + " no longer exists"));
            }
            PracticeRoom room = found.get();
            requireHostOfCurrent(room, actor, command, "Only the host can delete a room.");
            return users.upsert(actor)
                    .chain(() -> deletion.delete(actor.id(), room, clock.instant()))
                    .replaceWith(Result.of(Outcome.CANCELLED));
        }));
    }

    /** The actor hosts the room, the command is about this room's invitation and was made against its current SEQUENCE. */
    private static void requireHostOfCurrent(PracticeRoom room, UserProfile actor, ApplyCalendarChangeCommand command, String notHost) {
        if (!room.isHost(actor.id())) {
            throw new ForbiddenActionException("not_room_host", notHost);
        }
        requireCurrent(room, command);
    }

    /** The command is about this room's invitation and was made against its current SEQUENCE. */
    private static void requireCurrent(PracticeRoom room, ApplyCalendarChangeCommand command) {
        if (command.icsUid() != null && !command.icsUid().equalsIgnoreCase(room.icsUid().toString())) {
            throw new ForbiddenActionException("other_invitation", "The change is about invitation " + command.icsUid()
                    + ", not this room's.");
        }
        if (room.icsSequence() != command.sequence()) {
            throw new NoChange(new Result(Outcome.STALE, "stale: made against SEQUENCE " + command.sequence() + ", the room is at "
                    + room.icsSequence()));
        }
    }

    /** A refusal of the change itself; a lost race is not one (it may pass when tried again). */
    private static boolean refusal(Throwable failure) {
        return failure instanceof DomainException && !(failure instanceof ConcurrentChangeException);
    }

    /** Ends the transaction without a change (it rolls back) and answers {@code result}. */
    private static final class NoChange extends RuntimeException {
        final transient Result result;

        NoChange(Result result) {
            super(result.toString(), null, false, false);
            this.result = result;
        }
    }
}
