package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.application.port.in.SlotUseCases;
import io.schedulr.scheduling.application.port.out.AppendOutboxPort;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.SaveRoomPort;
import io.schedulr.scheduling.application.port.out.SlotStorePort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.application.port.out.VideoRoomProvider;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomChangeType;
import io.schedulr.scheduling.domain.SlotConflictException;
import io.schedulr.scheduling.domain.SlotNotFoundException;
import io.schedulr.scheduling.domain.SlotStatus;
import io.schedulr.scheduling.domain.UnprocessableActionException;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One transaction: lock the slot, check it, make the video room, insert the booked room with round 1, mark the slot
 * booked and write RoomBooked to the outbox — so notification and calendar flows are exactly Phase 1's.
 * The video room is made after the lock and the checks, so concurrent bookers of one slot create one room, not N.
 */
public class BookSlotService implements SlotUseCases.BookSlot {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final SlotStorePort slots;
    private final SaveRoomPort rooms;
    private final VideoRoomProvider video;
    private final AuditTrailPort audit;
    private final RoomEventPublisher events;
    private final Clock clock;

    public BookSlotService(UnitOfWork tx, UserDirectoryPort users, SlotStorePort slots, SaveRoomPort rooms, VideoRoomProvider video,
                           AppendOutboxPort outbox, AuditTrailPort audit, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.slots = slots;
        this.rooms = rooms;
        this.video = video;
        this.audit = audit;
        this.events = new RoomEventPublisher(users, outbox, audit);
        this.clock = clock;
    }

    @Override
    public Uni<RoomDetails> book(UserProfile guest, UUID slotId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tx.inTransaction(() -> users.upsert(guest)
                .chain(() -> slots.lockForUpdate(slotId))
                .onItem().ifNull().failWith(() -> new SlotNotFoundException(slotId))
                .chain(slot -> {
                    if (slot.isHost(guest.id())) {
                        throw new UnprocessableActionException("cannot_book_own_slot", "This is your own slot; someone else has to book it.");
                    }
                    if (slot.status() != SlotStatus.OPEN) {
                        throw new SlotConflictException("slot_not_open", "This slot is " + slot.status().name().toLowerCase() + ".");
                    }
                    if (!slot.startTs().isAfter(now)) {
                        throw new UnprocessableActionException("slot_in_past", "This slot has already started.");
                    }
                    UUID roomId = UUID.randomUUID();
                    return video.createRoom(roomId, slot.startTs(), false)
                            .chain(url -> rooms.insertWithFirstRound(new PracticeRoom(roomId, slot.hostId(), guest.id(), null, url,
                                    false, now, slot.startTs(), UUID.randomUUID(), 0, 0, slot.endTs())))
                            .call(room -> slots.markBooked(slotId, room.id())
                                    .chain(booked -> audit.recordSlot(guest.id(), "slot.booked", slot, booked)))
                            .chain(room -> events.publish(guest.id(), RoomChangeType.BOOKED, now, null, room));
                }));
    }
}
