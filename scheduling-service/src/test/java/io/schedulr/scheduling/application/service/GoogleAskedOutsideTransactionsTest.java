package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.BookRoomCommand;
import io.schedulr.scheduling.application.port.in.EditRoomCommand;
import io.schedulr.scheduling.application.port.in.PublishSlotsCommand;
import io.schedulr.scheduling.application.port.out.CalendarBusyPort;
import io.schedulr.scheduling.application.port.out.FindBookingsPort;
import io.schedulr.scheduling.domain.CalendarConflictException;
import io.schedulr.scheduling.domain.CalendarConnection;
import io.schedulr.scheduling.domain.CalendarConnectionStatus;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.TimeWindow;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.schedulr.scheduling.application.service.Fixture.LENGTH;
import static io.schedulr.scheduling.application.service.Fixture.NOW;
import static io.schedulr.scheduling.application.service.Fixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Google (through calendar-sync-service) is asked before a use case's transaction opens, never inside it: a slow Google
 * must hold no database connection or transaction that other people's requests wait for.
 */
class GoogleAskedOutsideTransactionsTest {
    private final Fixture f = new Fixture().withCalendarGate();
    /** Whom Google was asked about, and whether a transaction was open then. */
    private final List<String> asked = new ArrayList<>();
    private final List<String> askedInsideATransaction = new ArrayList<>();
    private final Map<String, List<TimeWindow>> googleBusy = new HashMap<>();

    private final CalendarBusyPort google = (userId, window) -> {
        asked.add(userId + "@" + window.start());
        if (f.store.inTransaction) {
            askedInsideATransaction.add(userId);
        }
        return Uni.createFrom().item(new CalendarBusyPort.Busy(googleBusy.getOrDefault(userId, List.of())));
    };

    /** The people's booked rooms in the in-memory store. */
    private final FindBookingsPort bookings = new FindBookingsPort() {
        @Override
        public Uni<List<TimeWindow>> heldBookedTimes(Collection<String> userIds, TimeWindow window, RoomId except) {
            return bookedTimes(userIds, window, except);
        }

        @Override
        public Uni<List<TimeWindow>> bookedTimes(Collection<String> userIds, TimeWindow window, RoomId except) {
            return Uni.createFrom().item(f.store.rooms().values().stream()
                    .filter(r -> r.isBooked() && !r.id().equals(except) && (userIds.contains(r.hostId()) || userIds.contains(r.guestId())))
                    .map(PracticeRoom::window).toList());
        }

        @Override
        public Uni<Void> holdAddresses(Collection<String> emails, TimeWindow window) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<List<TimeWindow>> bookedTimesOfAddresses(Collection<String> emails, TimeWindow window, java.util.UUID exceptInterview) {
            return Uni.createFrom().item(List.of());
        }

        @Override
        public Uni<java.util.Map<String, List<TimeWindow>>> bookedTimesByAddress(Collection<String> emails, TimeWindow window) {
            return Uni.createFrom().item(java.util.Map.of());
        }
    };

    private final ConflictCheck conflicts = new ConflictCheck(bookings, google, f.store, f.store, f.store);

    GoogleAskedOutsideTransactionsTest() {
        for (String person : List.of(f.host.id(), f.guest.id(), f.other.id())) {
            f.store.saveUnlessOlder(new CalendarConnection(person, CalendarConnectionStatus.CONNECTED, null, "cal-" + person, NOW))
                    .await().indefinitely();
        }
    }

    private RoomChangeFlow flow() {
        return new RoomChangeFlow(f.store, f.store, f.store, f.store, f.slotOfRoom, f.recorder, f.gate, conflicts, f.clock);
    }

    @Test
    void bookingARoomAsksEveryonesGoogleCalendarBeforeItsTransactionAndTheTransactionDoesNotAskAgain() {
        PracticeRoom room = f.room();

        new BookRoomService(flow()).book(new BookRoomCommand(f.guest, room.id(), null)).await().indefinitely();

        assertThat(asked).containsExactlyInAnyOrder(f.host.id() + "@" + START, f.guest.id() + "@" + START);
        assertThat(askedInsideATransaction).isEmpty();
        assertThat(f.store.transactions).as("one transaction, the booking's own").isEqualTo(1);
        assertThat(f.store.rooms().get(room.id()).guestId()).isEqualTo(f.guest.id());
    }

    @Test
    void aBusyHostRefusesTheBookingAndAMoveIsAskedAboutAtItsNewTime() {
        PracticeRoom room = f.room();
        googleBusy.put(f.host.id(), List.of(TimeWindow.starting(START, LENGTH)));
        assertThatThrownBy(() -> new BookRoomService(flow()).book(new BookRoomCommand(f.guest, room.id(), null)).await().indefinitely())
                .isInstanceOf(CalendarConflictException.class);
        assertThat(f.store.rooms().get(room.id()).guestId()).isNull();

        PracticeRoom booked = f.bookedRoom();
        googleBusy.clear();
        new EditRoomService(flow()).edit(new EditRoomCommand(f.host, booked.id(), START.plusSeconds(7200), null, null, null)).await().indefinitely();

        assertThat(asked).contains(f.host.id() + "@" + START.plusSeconds(7200), f.guest.id() + "@" + START.plusSeconds(7200));
        assertThat(askedInsideATransaction).isEmpty();
        assertThat(f.store.rooms().get(booked.id()).start()).isEqualTo(START.plusSeconds(7200));
    }

    @Test
    void aRoomWhoseGuestLeftIsBookedAtOnceThoughTheHostsCalendarStillShowsThatBookingsEvent() {
        PracticeRoom booked = f.bookedRoom();
        new ReleaseBookingService(flow()).release(f.guest, booked.id()).await().indefinitely();
        // calendar-sync-service has not deleted the left booking's event yet
        googleBusy.put(f.host.id(), List.of(booked.window()));

        new BookRoomService(flow()).book(new BookRoomCommand(f.other, booked.id(), null)).await().indefinitely();

        assertThat(f.store.rooms().get(booked.id()).guestId()).isEqualTo(f.other.id());
    }

    @Test
    void aRoomMovedBetweenTheQuestionAndTheTransactionIsAskedAboutAgainAtItsNewTime() {
        PracticeRoom room = f.room();
        TimeWindow later = TimeWindow.starting(START.plusSeconds(3600), LENGTH);
        googleBusy.put(f.host.id(), List.of(later));
        f.store.concurrentWrite = () -> f.store.putRoom(room.reschedule(f.host.id(), later.start(), NOW).atVersion(1));

        assertThatThrownBy(() -> new BookRoomService(flow()).book(new BookRoomCommand(f.guest, room.id(), null)).await().indefinitely())
                .isInstanceOfSatisfying(CalendarConflictException.class, e -> assertThat(e.conflicts()).containsExactly(later));
        assertThat(asked).contains(f.host.id() + "@" + START, f.host.id() + "@" + later.start());
    }

    @Test
    void bookingASlotAndPublishingSlotsAskGoogleOutsideTheirTransactions() {
        Slot slot = f.slot();
        BookSlotService bookSlot = new BookSlotService(f.store, f.store, f.store, f.store, f.store, f.store, f.store, f.recorder, f.gate,
                conflicts, f.clock);
        bookSlot.book(f.guest, slot.id(), false).await().indefinitely();
        PublishSlotsService publish = new PublishSlotsService(f.store, f.store, f.store, f.store, Fixture.SLOT_RULES, f.gate, conflicts,
                f.clock);
        publish.publish(new PublishSlotsCommand(f.host, List.of(TimeWindow.starting(START.plusSeconds(86400), LENGTH)))).await().indefinitely();

        assertThat(asked).contains(f.guest.id() + "@" + START, f.host.id() + "@" + START, f.host.id() + "@" + START.plusSeconds(86400));
        assertThat(askedInsideATransaction).isEmpty();
    }

    @Test
    void theGateAsksCalendarSyncServiceOutsideTheTransactionToo() {
        List<Boolean> askedInTransaction = new ArrayList<>();
        CalendarGate gate = new CalendarGate(true, f.store, userId -> {
            askedInTransaction.add(f.store.inTransaction);
            return Uni.createFrom().item(true);
        });
        f.store.saveUnlessOlder(new CalendarConnection(f.guest.id(), CalendarConnectionStatus.NOT_CONNECTED, "user", null, NOW.plusSeconds(1)))
                .await().indefinitely();
        PracticeRoom room = f.room();

        new BookRoomService(new RoomChangeFlow(f.store, f.store, f.store, f.store, f.slotOfRoom, f.recorder, gate, conflicts, f.clock))
                .book(new BookRoomCommand(f.guest, room.id(), null)).await().indefinitely();

        assertThat(askedInTransaction).containsExactly(false);
    }
}
