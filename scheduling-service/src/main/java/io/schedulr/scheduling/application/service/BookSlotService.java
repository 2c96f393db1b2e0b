package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.BookSlotUseCase;
import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.LoadSlotPort;
import io.schedulr.scheduling.application.port.out.SaveRoomPort;
import io.schedulr.scheduling.application.port.out.SaveSlotPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.application.port.out.VideoRoomProvider;
import io.schedulr.scheduling.domain.CalendarConflictException;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomChangeType;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotId;
import io.schedulr.scheduling.domain.SlotNotFoundException;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Books a slot so that notification and calendar flows are exactly Phase 1's: the booked room with round 1, the slot
 * marked booked and RoomBooked in the outbox, in one transaction. The video room is made before that transaction, so
 * no lock is held while a provider answers; the slot's rules are checked first so a hopeless booking makes no video
 * room, and a booking that still loses the race gives its video room back.
 */
public class BookSlotService implements BookSlotUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final LoadSlotPort loadSlots;
    private final SaveSlotPort saveSlots;
    private final SaveRoomPort rooms;
    private final VideoRoomProvider video;
    private final AuditTrailPort audit;
    private final RoomChangeRecorder changes;
    private final CalendarGate gate;
    private final ConflictCheck conflicts;
    private final Clock clock;

    public BookSlotService(UnitOfWork tx, UserDirectoryPort users, LoadSlotPort loadSlots, SaveSlotPort saveSlots, SaveRoomPort rooms,
                           VideoRoomProvider video, AuditTrailPort audit, RoomChangeRecorder changes, CalendarGate gate,
                           Clock clock) {
        this(tx, users, loadSlots, saveSlots, rooms, video, audit, changes, gate, ConflictCheck.none(), clock);
    }

    public BookSlotService(UnitOfWork tx, UserDirectoryPort users, LoadSlotPort loadSlots, SaveSlotPort saveSlots, SaveRoomPort rooms,
                           VideoRoomProvider video, AuditTrailPort audit, RoomChangeRecorder changes, CalendarGate gate,
                           ConflictCheck conflicts, Clock clock) {
        this.conflicts = conflicts;
        this.tx = tx;
        this.users = users;
        this.loadSlots = loadSlots;
        this.saveSlots = saveSlots;
        this.rooms = rooms;
        this.video = video;
        this.audit = audit;
        this.changes = changes;
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    public Uni<RoomDetails> book(UserProfile guest, SlotId slotId, boolean allowOwnConflicts) {
        guest.requireEmail();
        RoomId roomId = RoomId.random();
        // The calendar gate and the clash check come first, before any video room is made: the slot and whose Google
        // calendars to ask read outside any transaction, Google asked with no connection held, then the commitments
        // here looked at under the hold.
        return gate.requireConnected(tx, guest.id())
                .chain(() -> tx.reading(() -> existing(slotId)
                        .invoke(slot -> slot.requireBookableBy(guest.id(), clock.instant()))
                        .chain(slot -> conflicts.prepare(guest.id(), allowOwnConflicts, slot.window(), people(guest, slot), null)
                                .map(question -> new Read(slot, question)))))
                .chain(read -> conflicts.ask(read.question()).chain(answers -> tx.inTransaction(() -> conflicts.require(guest.id(),
                                allowOwnConflicts, read.slot().window(), people(guest, read.slot()), null, null, answers)))
                        .map(warnings -> new Checked(read.slot(), warnings)))
                .chain(checked -> video.createRoom(roomId.value())
                        .chain(url -> tx.inTransaction(() -> bookInTransaction(guest, slotId, roomId, url, allowOwnConflicts))
                                .onFailure().call(() -> video.releaseRoom(roomId.value()).onFailure().recoverWithNull()))
                        .map(details -> details.withWarnings(checked.warnings())))
                .onFailure(CalendarConflictException.class).recoverWithUni(clash -> takenMeanwhile(guest, slotId, clash));
    }

    /**
     * A clash found while another guest's booking of this slot committed is that booking (the host is busy now): the
     * slot's own refusal says what happened. Any other clash stands.
     */
    private Uni<RoomDetails> takenMeanwhile(UserProfile guest, SlotId slotId, Throwable clash) {
        return tx.reading(() -> existing(slotId))
                .invoke(slot -> slot.requireBookableBy(guest.id(), clock.instant()))
                .chain(slot -> Uni.createFrom().failure(clash));
    }

    private record Read(Slot slot, ConflictCheck.GoogleQuestion question) {
    }

    private record Checked(Slot slot, List<String> warnings) {
    }

    private static List<String> people(UserProfile guest, Slot slot) {
        return List.of(guest.id(), slot.hostId());
    }

    private Uni<RoomDetails> bookInTransaction(UserProfile guest, SlotId slotId, RoomId roomId, String url, boolean allowOwnConflicts) {
        Instant now = clock.instant();
        return users.upsert(guest)
                .chain(() -> existing(slotId))
                // Checked in full before the video room was made; the commitments here once more, held, against a race.
                .call(slot -> conflicts.requireCommitments(guest.id(), allowOwnConflicts, slot.window(), people(guest, slot), null))
                .chain(slot -> {
                    Slot booked = slot.book(guest.id(), roomId, now);
                    return rooms.insert(PracticeRoom.bookedFromSlot(roomId, slot, guest.id(), url, now))
                            .call(room -> saveSlots.update(booked).chain(stored -> audit.recordSlot(guest.id(), "slot.booked", slot, stored)))
                            .chain(room -> changes.record(guest.id(), RoomChangeType.BOOKED, now, null, room));
                });
    }

    private Uni<Slot> existing(SlotId slotId) {
        return loadSlots.load(slotId).map(found -> found.orElseThrow(() -> new SlotNotFoundException(slotId)));
    }
}
