package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.EditRoomCommand;
import io.schedulr.scheduling.application.port.in.PublishSlotsCommand;
import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.application.port.out.CalendarBusyPort;
import io.schedulr.scheduling.application.port.out.FindBookingsPort;
import io.schedulr.scheduling.domain.CalendarConflictException;
import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomChangeType;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotConflictException;
import io.schedulr.scheduling.domain.SlotStatus;
import io.schedulr.scheduling.domain.TimeWindow;
import io.schedulr.scheduling.domain.UnprocessableActionException;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.schedulr.scheduling.application.service.Fixture.LENGTH;
import static io.schedulr.scheduling.application.service.Fixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publish, book and cancel slots against in-memory ports. */
class SlotServicesTest {
    private final Fixture f = new Fixture();

    @Test
    void publishingIsAllOrNothingAndAnnouncesNothing() {
        TimeWindow first = TimeWindow.starting(START, LENGTH);
        TimeWindow overlapping = TimeWindow.starting(START.plusSeconds(1800), LENGTH);

        assertThatThrownBy(() -> f.publishSlots().publish(new PublishSlotsCommand(f.host, List.of(first, overlapping))).await().indefinitely())
                .isInstanceOf(SlotConflictException.class);
        assertThat(f.store.slots()).isEmpty();

        List<Slot> published = f.publishSlots().publish(new PublishSlotsCommand(f.host, List.of(first))).await().indefinitely();
        assertThat(published).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(SlotStatus.OPEN));
        assertThat(f.store.outbox()).isEmpty();
        assertThat(f.store.audit()).singleElement().satisfies(a -> assertThat(a.action()).isEqualTo("slot.published"));
    }

    @Test
    void slotsPostedWhileTheHostsGoogleCalendarDoesNotAnswerGoThroughAndTheSkippedCheckIsAudited() {
        ConflictCheck googleDown = new ConflictCheck(new StubBookedTimes((people, window) -> List.of(), (addresses, window) -> List.of()),
                (user, window) -> Uni.createFrom().item(new CalendarBusyPort.Unavailable("timeout")),
                user -> Uni.createFrom().item(Optional.of(new io.schedulr.scheduling.domain.CalendarConnection(user,
                        io.schedulr.scheduling.domain.CalendarConnectionStatus.CONNECTED, null, "cal-" + user, START))),
                f.store, f.store);

        List<Slot> published = f.publishSlots(googleDown).publish(new PublishSlotsCommand(f.host, List.of(TimeWindow.starting(START, LENGTH))))
                .await().indefinitely();

        assertThat(published).hasSize(1);
        assertThat(f.store.audit()).filteredOn(a -> a.action().equals("calendar_check_skipped")).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo(f.host.id());
            assertThat(a.after()).asString().contains(f.host.id(), "timeout");
        });
    }

    @Test
    void aRequestHasAtMostTheConfiguredNumberOfSlots() {
        List<TimeWindow> four = List.of(0, 1, 2, 3).stream()
                .map(i -> TimeWindow.starting(START.plus(Duration.ofHours(2L * i)), LENGTH)).toList();
        assertThatThrownBy(() -> f.publishSlots().publish(new PublishSlotsCommand(f.host, four)).await().indefinitely())
                .isInstanceOf(InvalidRequestException.class).hasFieldOrPropertyWithValue("code", "too_many_slots");
        assertThatThrownBy(() -> new PublishSlotsCommand(f.host, List.of())).hasFieldOrPropertyWithValue("code", "no_slots");
    }

    @Test
    void bookingASlotMakesTheBookedRoomWithTheSlotsTimesAndThePhaseOneEvent() {
        Slot slot = f.slot();

        RoomDetails booked = f.bookSlot().book(f.guest, slot.id()).await().indefinitely();

        assertThat(booked.room().window()).isEqualTo(slot.window());
        assertThat(booked.room().guestId()).isEqualTo(f.guest.id());
        assertThat(f.store.slots().get(slot.id()).status()).isEqualTo(SlotStatus.BOOKED);
        assertThat(f.store.slots().get(slot.id()).roomId()).isEqualTo(booked.room().id());
        assertThat(f.store.outbox()).singleElement().satisfies(c -> assertThat(c.type()).isEqualTo(RoomChangeType.BOOKED));
        assertThat(f.store.videoRooms).containsExactly(booked.room().id().value());
    }

    @Test
    void aHopelessBookingMakesNoVideoRoom() {
        Slot slot = f.slot();
        assertThatThrownBy(() -> f.bookSlot().book(f.host, slot.id()).await().indefinitely())
                .isInstanceOf(UnprocessableActionException.class);
        f.bookSlot().book(f.guest, slot.id()).await().indefinitely();
        assertThatThrownBy(() -> f.bookSlot().book(f.other, slot.id()).await().indefinitely()).isInstanceOf(SlotConflictException.class);
        assertThat(f.store.videoRooms).hasSize(1);
    }

    @Test
    void aBookingThatLosesTheRaceAfterMakingItsVideoRoomGivesItBack() {
        Slot slot = f.slot();
        f.store.concurrentWrite = () -> f.bookSlot().book(f.other, slot.id()).await().indefinitely();

        assertThatThrownBy(() -> f.bookSlot().book(f.guest, slot.id()).await().indefinitely()).isInstanceOf(SlotConflictException.class);

        assertThat(f.store.rooms().values()).singleElement().satisfies(r -> assertThat(r.guestId()).isEqualTo(f.other.id()));
        assertThat(f.store.releasedVideoRooms).hasSize(1).doesNotContain(f.store.rooms().keySet().iterator().next().value());
        assertThat(f.store.outbox()).hasSize(1);
    }

    @Test
    void aClashWithTheHostsOtherBookingRefusesTheSlot() {
        Slot slot = f.slot();
        f.bookedRoom();

        assertThatThrownBy(() -> f.bookSlot(bookedRoomsClash()).book(f.other, slot.id()).await().indefinitely())
                .isInstanceOf(CalendarConflictException.class);
        assertThat(f.store.slots().get(slot.id()).status()).isEqualTo(SlotStatus.OPEN);
    }

    @Test
    void aGuestWhoseClashIsAnotherGuestsBookingOfTheSameSlotIsToldTheSlotIsTaken() {
        Slot slot = f.slot();
        AtomicBoolean raced = new AtomicBoolean();
        // The other guest's booking of this slot commits while this one's clash check runs: the host is busy now.
        ConflictCheck check = bookedRoomsClash(() -> {
            if (raced.compareAndSet(false, true)) {
                f.bookSlot().book(f.other, slot.id()).await().indefinitely();
            }
        });

        assertThatThrownBy(() -> f.bookSlot(check).book(f.guest, slot.id()).await().indefinitely())
                .isInstanceOf(SlotConflictException.class).hasFieldOrPropertyWithValue("code", "slot_not_open");
        assertThat(f.store.rooms().values()).singleElement().satisfies(r -> assertThat(r.guestId()).isEqualTo(f.other.id()));
    }

    /** A clash check that sees the store's booked rooms (of anyone: every room here is the host's, at the slot's time). */
    private ConflictCheck bookedRoomsClash() {
        return bookedRoomsClash(() -> { });
    }

    private ConflictCheck bookedRoomsClash(Runnable beforeEachRead) {
        FindBookingsPort booked = new StubBookedTimes((people, window) -> {
            beforeEachRead.run();
            return f.store.rooms().values().stream().filter(PracticeRoom::isBooked).map(PracticeRoom::window).toList();
        }, (addresses, window) -> List.of());
        return new ConflictCheck(booked, (user, window) -> Uni.createFrom().item(new CalendarBusyPort.NotConnected()),
                user -> Uni.createFrom().item(Optional.empty()), f.store, f.store);
    }

    @Test
    void cancellingAnOpenSlotNotifiesNobody() {
        Slot slot = f.slot();

        Slot cancelled = f.cancelSlot().cancel(f.host, slot.id()).await().indefinitely();

        assertThat(cancelled.status()).isEqualTo(SlotStatus.CANCELLED);
        assertThat(f.store.outbox()).isEmpty();
    }

    @Test
    void cancellingABookedSlotCancelsItsRoom() {
        Slot slot = f.slot();
        RoomDetails booked = f.bookSlot().book(f.guest, slot.id()).await().indefinitely();

        Slot cancelled = f.cancelSlot().cancel(f.host, slot.id()).await().indefinitely();

        assertThat(cancelled.status()).isEqualTo(SlotStatus.CANCELLED);
        assertThat(cancelled.roomId()).isNull();
        assertThat(f.store.rooms()).doesNotContainKey(booked.room().id());
        assertThat(f.store.outbox()).extracting(c -> c.type()).containsExactly(RoomChangeType.BOOKED, RoomChangeType.CANCELLED);
    }

    @Test
    void aBookedSlotMovesWithItsRoomSoItsOldTimeCanBeOfferedAgain() {
        Slot slot = f.slot();
        RoomDetails booked = f.bookSlot().book(f.guest, slot.id()).await().indefinitely();
        Instant later = slot.window().start().plus(Duration.ofHours(3));

        RoomDetails moved = f.editRoom().edit(new EditRoomCommand(f.host, booked.room().id(), later,
                null, null, null)).await().indefinitely();

        Slot after = f.store.slots().get(slot.id());
        assertThat(after.window()).isEqualTo(moved.room().window());
        assertThat(after.status()).isEqualTo(SlotStatus.BOOKED);
        assertThat(after.roomId()).isEqualTo(booked.room().id());
        assertThat(f.store.audit()).filteredOn(a -> a.action().startsWith("slot.")).extracting(a -> a.actor() + " " + a.action())
                .containsExactly(f.guest.id() + " slot.booked", f.host.id() + " slot.moved");
        List<Slot> again = f.publishSlots().publish(new PublishSlotsCommand(f.host, List.of(slot.window()))).await().indefinitely();
        assertThat(again).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(SlotStatus.OPEN));
    }

    @Test
    void aRoomEditThatKeepsItsTimeLeavesItsSlotAlone() {
        Slot slot = f.slot();
        RoomDetails booked = f.bookSlot().book(f.guest, slot.id()).await().indefinitely();
        long version = f.store.slots().get(slot.id()).version();

        f.editRoom().edit(new EditRoomCommand(f.host, booked.room().id(), null, true, null, null))
                .await().indefinitely();

        assertThat(f.store.slots().get(slot.id()).version()).isEqualTo(version);
        assertThat(f.store.slots().get(slot.id()).window()).isEqualTo(slot.window());
    }

    @Test
    void whenTheGuestLeavesTheSlotIsOpenAgainAndItsRoomGoes() {
        Slot slot = f.slot();
        RoomDetails booked = f.bookSlot().book(f.guest, slot.id()).await().indefinitely();

        RoomDetails left = f.releaseBooking().release(f.guest, booked.room().id()).await().indefinitely();

        assertThat(left.room().isBooked()).isFalse();
        Slot again = f.store.slots().get(slot.id());
        assertThat(again.status()).isEqualTo(SlotStatus.OPEN);
        assertThat(again.roomId()).isNull();
        assertThat(again.window()).isEqualTo(slot.window());
        assertThat(f.store.rooms()).as("the room stood only for the booking").doesNotContainKey(booked.room().id());
        assertThat(f.store.outbox()).extracting(c -> c.type())
                .containsExactly(RoomChangeType.BOOKED, RoomChangeType.RELEASED, RoomChangeType.DELETED);
        assertThat(f.store.audit()).filteredOn(a -> a.action().startsWith("slot.")).extracting(a -> a.actor() + " " + a.action())
                .containsExactly(f.guest.id() + " slot.booked", f.guest.id() + " slot.reopened");
        RoomDetails rebooked = f.bookSlot().book(f.other, slot.id()).await().indefinitely();
        assertThat(rebooked.room().guestId()).isEqualTo(f.other.id());
    }

    @Test
    void whenTheGuestLeavesASlotTheHostHasOfferedAgainMeanwhileItIsCancelledNotReopened() {
        Slot slot = f.slot();
        RoomDetails booked = f.bookSlot().book(f.guest, slot.id()).await().indefinitely();
        // the host offered the same time again, past their own clash (a booked slot does not block open ones)
        Slot overlapping = Slot.publish(f.host.id(), slot.window(), Fixture.SLOT_RULES, Fixture.NOW);
        f.store.putSlot(overlapping);

        f.releaseBooking().release(f.guest, booked.room().id()).await().indefinitely();

        assertThat(f.store.slots().get(slot.id()).status()).isEqualTo(SlotStatus.CANCELLED);
        assertThat(f.store.audit()).extracting(a -> a.action()).endsWith("slot.cancelled", "room.deleted");
        assertThat(f.store.slots().get(overlapping.id()).status()).isEqualTo(SlotStatus.OPEN);
        assertThat(f.store.rooms()).doesNotContainKey(booked.room().id());
    }

    @Test
    void whenTheGuestLeavesARoomMadeDirectlyTheRoomStaysOpen() {
        PracticeRoom booked = f.bookedRoom();

        f.releaseBooking().release(f.guest, booked.id()).await().indefinitely();

        assertThat(f.store.rooms().get(booked.id()).isBooked()).isFalse();
        assertThat(f.store.outbox()).extracting(c -> c.type()).containsExactly(RoomChangeType.RELEASED);
    }
}
