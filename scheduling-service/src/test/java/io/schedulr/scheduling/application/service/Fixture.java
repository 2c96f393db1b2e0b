package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotRules;
import io.schedulr.scheduling.domain.TimeWindow;
import io.schedulr.scheduling.domain.UserProfile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** A fixed moment, three people and the services wired to one in-memory store. */
final class Fixture {
    static final Instant NOW = Instant.parse("2030-05-01T08:00:00Z");
    static final Instant START = Instant.parse("2030-05-02T10:00:00Z");
    static final Duration LENGTH = Duration.ofMinutes(60);
    static final SlotRules SLOT_RULES = new SlotRules(Duration.ofMinutes(15), Duration.ofHours(8), 3);

    final UserProfile host = new UserProfile("host", "host@example.com", "Hosta", "Europe/Berlin");
    final UserProfile guest = new UserProfile("guest", "guest@example.com", "Guesto", "America/New_York");
    final UserProfile other = new UserProfile("other", "other@example.com", "Otto", "UTC");
    final InMemoryScheduling store = new InMemoryScheduling();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final RoomChangeRecorder recorder = new RoomChangeRecorder(store, store, store);
    final SlotOfRoom slotOfRoom = new SlotOfRoom(store, store, store);
    final RoomDeletion deletion = new RoomDeletion(recorder, store, slotOfRoom);
    /** Off, as in Phase 1; {@link #withCalendarGate()} turns it on for the services made after it. */
    CalendarGate gate = CalendarGate.off();

    Fixture() {
        store.putUser(host);
        store.putUser(guest);
        store.putUser(other);
    }

    /** Whom calendar-sync-service would call connected right now (ahead of the connection event). */
    final java.util.Set<String> connectedAtTheOwner = new java.util.HashSet<>();
    /** Whom calendar-sync-service was asked about while a session or transaction was open (must stay empty). */
    final java.util.List<String> ownerAskedWithASessionOpen = new java.util.ArrayList<>();

    Fixture withCalendarGate() {
        gate = new CalendarGate(true, store, userId -> {
            if (store.readingOpen > 0 || store.inTransaction) {
                ownerAskedWithASessionOpen.add(userId);
            }
            return io.smallrye.mutiny.Uni.createFrom().item(connectedAtTheOwner.contains(userId));
        });
        return this;
    }

    PracticeRoom room() {
        return roomAt(START);
    }

    PracticeRoom roomAt(java.time.Instant start) {
        PracticeRoom room = PracticeRoom.offer(RoomId.random(), host.id(), TimeWindow.starting(start, LENGTH), false, null, "https://video",
                NOW);
        store.putRoom(room);
        return room;
    }

    PracticeRoom bookedRoom() {
        PracticeRoom room = room().book(guest.id(), NOW);
        store.putRoom(room);
        return room;
    }

    Slot slot() {
        Slot slot = Slot.publish(host.id(), TimeWindow.starting(START, LENGTH), SLOT_RULES, NOW);
        store.putSlot(slot);
        return slot;
    }

    CreateRoomService createRoom() {
        return new CreateRoomService(store, store, store, store, recorder, gate, LENGTH, clock);
    }

    BookRoomService bookRoom() {
        return new BookRoomService(new RoomChangeFlow(store, store, store, store, slotOfRoom, recorder, gate, clock));
    }

    EditRoomService editRoom() {
        return new EditRoomService(new RoomChangeFlow(store, store, store, store, slotOfRoom, recorder, gate, clock));
    }

    ReleaseBookingService releaseBooking() {
        return new ReleaseBookingService(new RoomChangeFlow(store, store, store, store, slotOfRoom, recorder, gate, clock));
    }

    DeleteRoomService deleteRoom() {
        return new DeleteRoomService(store, store, store, deletion, clock);
    }

    PublishSlotsService publishSlots() {
        return new PublishSlotsService(store, store, store, store, SLOT_RULES, gate, clock);
    }

    PublishSlotsService publishSlots(ConflictCheck conflicts) {
        return new PublishSlotsService(store, store, store, store, SLOT_RULES, gate, conflicts, clock);
    }

    BookSlotService bookSlot() {
        return new BookSlotService(store, store, store, store, store, store, store, recorder, gate, clock);
    }

    BookSlotService bookSlot(ConflictCheck conflicts) {
        return new BookSlotService(store, store, store, store, store, store, store, recorder, gate, conflicts, clock);
    }

    RecordCalendarConnectionService recordCalendarConnection() {
        return new RecordCalendarConnectionService(store, store);
    }

    CancelSlotService cancelSlot() {
        return new CancelSlotService(store, store, store, store, store, deletion, store, clock);
    }
}
