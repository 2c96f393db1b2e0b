package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.application.port.in.UpdateRoomCommand;
import io.schedulr.scheduling.application.port.in.UpdateRoomUseCase;
import io.schedulr.scheduling.application.port.out.AppendOutboxPort;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.LoadRoomPort;
import io.schedulr.scheduling.application.port.out.SaveRoomPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.ConcurrentChangeException;
import io.schedulr.scheduling.domain.ForbiddenActionException;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomAlreadyBookedException;
import io.schedulr.scheduling.domain.RoomChange;
import io.schedulr.scheduling.domain.RoomChangeType;
import io.schedulr.scheduling.domain.RoomNotFoundException;
import io.schedulr.scheduling.domain.Timestamps;
import io.schedulr.scheduling.domain.UnprocessableActionException;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Booking (anyone but the host, never over an existing guest), rescheduling and privacy (host only), stage (host or
 * guest). One transaction, one published event.
 */
public class UpdateRoomService implements UpdateRoomUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final LoadRoomPort loadRooms;
    private final SaveRoomPort saveRooms;
    private final RoomEventPublisher events;
    private final Clock clock;

    public UpdateRoomService(UnitOfWork tx, UserDirectoryPort users, LoadRoomPort loadRooms, SaveRoomPort saveRooms,
                             AppendOutboxPort outbox, AuditTrailPort audit, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.loadRooms = loadRooms;
        this.saveRooms = saveRooms;
        this.events = new RoomEventPublisher(users, outbox, audit);
        this.clock = clock;
    }

    @Override
    public Uni<RoomDetails> update(UpdateRoomCommand command) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (command.datetimeUtc() != null) {
            Timestamps.requireFuture("datetimeUtc", command.datetimeUtc(), now);
        }
        return tx.inTransaction(() -> users.upsert(command.actor())
                .chain(() -> loadRooms.load(command.roomId()))
                .onItem().ifNull().failWith(() -> new RoomNotFoundException(command.roomId()))
                .chain(before -> {
                    authorize(command, before, now);
                    return apply(command, before, now);
                }));
    }

    private static void authorize(UpdateRoomCommand c, PracticeRoom room, Instant now) {
        String actor = c.actor().id();
        if (c.booking()) {
            if (!c.guestId().equals(actor)) {
                throw new ForbiddenActionException("cannot_book_for_someone_else", "You can only book a room for yourself.");
            }
            if (room.isHost(actor)) {
                throw new UnprocessableActionException("host_cannot_book_own_room", "You host this room; someone else has to book it.");
            }
            if (room.isBooked()) {
                throw new RoomAlreadyBookedException(room.id());
            }
            if (!room.datetimeUtc().isAfter(now)) {
                throw new UnprocessableActionException("room_in_past", "This session has already started; it can no longer be booked.");
            }
        }
        if (c.changesSchedule() && !room.isHost(actor)) {
            throw new ForbiddenActionException("not_room_host", "Only the host can reschedule a room or change its privacy.");
        }
        if (c.stage() != null && !room.isParticipant(actor) && !c.booking()) {
            throw new ForbiddenActionException("not_room_participant", "Only the host or the guest can set the stage.");
        }
    }

    private Uni<RoomDetails> apply(UpdateRoomCommand c, PracticeRoom before, Instant now) {
        Uni<PracticeRoom> current = c.booking()
                ? saveRooms.assignGuestIfFree(before, c.guestId())
                        .onItem().ifNull().failWith(() -> new RoomAlreadyBookedException(before.id()))
                : Uni.createFrom().item(before);
        return current.chain(room -> {
            PracticeRoom changed = withRequestedChanges(room, c);
            Uni<PracticeRoom> stored = changed.equals(room) ? Uni.createFrom().item(room)
                    : saveRooms.update(changed, room.version())
                            .onItem().ifNull().failWith(() -> new ConcurrentChangeException(room.id()));
            return stored.chain(after -> {
                RoomChangeType type = typeOf(c, before, after);
                return events.publish(c.actor().id(), type, now, before, after);
            });
        });
    }

    private static PracticeRoom withRequestedChanges(PracticeRoom room, UpdateRoomCommand c) {
        PracticeRoom changed = room;
        if (c.datetimeUtc() != null) {
            changed = changed.rescheduledTo(c.datetimeUtc().truncatedTo(ChronoUnit.MICROS));
        }
        if (c.privateRoom() != null) {
            changed = changed.withPrivacy(c.privateRoom());
        }
        if (c.stage() != null) {
            changed = changed.withStage(c.stage());
        }
        return changed;
    }

    private static RoomChangeType typeOf(UpdateRoomCommand c, PracticeRoom before, PracticeRoom after) {
        if (c.booking()) {
            return RoomChangeType.BOOKED;
        }
        if (after.isBooked() && !after.datetimeUtc().equals(before.datetimeUtc())) {
            return RoomChangeType.RESCHEDULED;
        }
        return RoomChangeType.UPDATED;
    }
}
