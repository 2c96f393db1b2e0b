package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.BookRoomCommand;
import io.schedulr.scheduling.application.port.in.CreateRoomCommand;
import io.schedulr.scheduling.application.port.in.EditRoomCommand;
import io.schedulr.scheduling.application.port.in.PublishSlotsCommand;
import io.schedulr.scheduling.application.port.in.RecordCalendarConnectionCommand;
import io.schedulr.scheduling.application.port.in.RecordCalendarConnectionUseCase.Outcome;
import io.schedulr.scheduling.domain.CalendarConnectionStatus;
import io.schedulr.scheduling.domain.CalendarNotConnectedException;
import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotStatus;
import io.schedulr.scheduling.domain.TimeWindow;
import io.schedulr.scheduling.domain.UserProfile;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.schedulr.scheduling.application.service.Fixture.LENGTH;
import static io.schedulr.scheduling.application.service.Fixture.NOW;
import static io.schedulr.scheduling.application.service.Fixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The calendar gate and the connection state behind it, against in-memory ports. */
class CalendarGateServicesTest {
    private final Fixture f = new Fixture().withCalendarGate();

    @Test
    void withoutAConnectionEveryCoreWriteIsRefusedAndNothingHappens() {
        PracticeRoom open = f.room();
        PracticeRoom booked = f.bookedRoom();
        Slot slot = f.slot();
        int outbox = f.store.outbox().size();

        assertRefused(() -> f.createRoom().create(new CreateRoomCommand(f.host, START, false, null)).await().indefinitely());
        assertRefused(() -> f.bookRoom().book(new BookRoomCommand(f.other, open.id(), null)).await().indefinitely());
        assertRefused(() -> f.editRoom().edit(new EditRoomCommand(f.host, booked.id(), START.plusSeconds(7200), null, null, null))
                .await().indefinitely());
        assertRefused(() -> f.editRoom().edit(new EditRoomCommand(f.guest, booked.id(), null, null, null, "round 2")).await().indefinitely());
        assertRefused(() -> f.publishSlots().publish(new PublishSlotsCommand(f.host, List.of(TimeWindow.starting(START.plusSeconds(86400),
                LENGTH)))).await().indefinitely());
        assertRefused(() -> f.bookSlot().book(f.guest, slot.id()).await().indefinitely());

        assertThat(f.store.videoRooms).as("no video room made for a refused caller").isEmpty();
        assertThat(f.store.outbox()).hasSize(outbox);
        assertThat(f.store.rooms().get(open.id()).guestId()).isNull();
        assertThat(f.store.rooms().get(booked.id()).start()).isEqualTo(booked.start());
        assertThat(f.store.slots().get(slot.id()).status()).isEqualTo(SlotStatus.OPEN);
    }

    @Test
    void someoneWhoConnectedAMomentAgoIsLetThroughBeforeTheEventArrives() {
        assertRefused(() -> f.createRoom().create(new CreateRoomCommand(f.host, START, false, null)).await().indefinitely());

        f.connectedAtTheOwner.add(f.host.id());

        assertThat(f.createRoom().create(new CreateRoomCommand(f.host, START, false, null)).await().indefinitely().room().hostId())
                .isEqualTo(f.host.id());
    }

    @Test
    void deletingAndCancellingStayOpenSoNobodyIsTrappedInABooking() {
        PracticeRoom booked = f.bookedRoom();
        PracticeRoom left = f.bookedRoom();
        Slot slot = f.slot();

        assertThat(f.releaseBooking().release(f.guest, left.id()).await().indefinitely().room().isBooked())
                .as("the guest leaves without a connected calendar").isFalse();

        f.deleteRoom().delete(f.host, booked.id()).await().indefinitely();
        f.cancelSlot().cancel(f.host, slot.id()).await().indefinitely();

        assertThat(f.store.rooms()).doesNotContainKey(booked.id());
        assertThat(f.store.slots().get(slot.id()).status()).isEqualTo(SlotStatus.CANCELLED);
    }

    @Test
    void onceConnectedTheWritesGoThroughAndARevocationGatesThemAgain() {
        PracticeRoom open = f.room();
        connect(f.host, NOW);
        connect(f.other, NOW);

        assertThat(f.createRoom().create(new CreateRoomCommand(f.host, START, false, null)).await().indefinitely().room().hostId())
                .isEqualTo(f.host.id());
        assertThat(f.bookRoom().book(new BookRoomCommand(f.other, open.id(), null)).await().indefinitely().room().guestId())
                .isEqualTo(f.other.id());

        record(f.host.id(), CalendarConnectionStatus.REVOKED, "revoked", NOW.plusSeconds(60));
        assertRefused(() -> f.createRoom().create(new CreateRoomCommand(f.host, START, false, null)).await().indefinitely());
    }

    @Test
    void aConnectedCallersBookingReadsTheGateAndTheRoomInOneSession() {
        PracticeRoom open = f.room();
        connect(f.other, NOW);
        int sessions = f.store.readingSessions;
        int transactions = f.store.transactions;

        f.bookRoom().book(new BookRoomCommand(f.other, open.id(), null)).await().indefinitely();

        assertThat(f.store.readingSessions - sessions).as("the stored connection and the room, one session").isEqualTo(1);
        assertThat(f.store.transactions - transactions).isEqualTo(1);
        assertThat(f.store.readingOpen).isZero();
    }

    @Test
    void aCallerConnectedAMomentAgoIsConfirmedWithNoSessionOpenThenTheRoomIsReadInASessionOfItsOwn() {
        PracticeRoom open = f.room();
        f.connectedAtTheOwner.add(f.other.id());
        int sessions = f.store.readingSessions;

        assertThat(f.bookRoom().book(new BookRoomCommand(f.other, open.id(), null)).await().indefinitely().room().guestId())
                .isEqualTo(f.other.id());

        assertThat(f.ownerAskedWithASessionOpen).isEmpty();
        assertThat(f.store.readingSessions - sessions).isEqualTo(2);
        assertThat(f.store.readingOpen).isZero();
    }

    @Test
    void aCallerWithoutACalendarHearsSoBeforeAnythingAboutTheRoom() {
        assertRefused(() -> f.bookRoom().book(new BookRoomCommand(f.other, RoomId.random(), null)).await().indefinitely());
        assertRefused(() -> f.editRoom().edit(new EditRoomCommand(f.host, RoomId.random(), START.plusSeconds(7200), null, null, null))
                .await().indefinitely());
        assertThat(f.ownerAskedWithASessionOpen).isEmpty();
    }

    @Test
    void anOlderChangeNeverReplacesANewerOne() {
        Instant connectedAt = NOW.plusSeconds(60);
        assertThat(record(f.host.id(), CalendarConnectionStatus.CONNECTED, null, connectedAt)).isEqualTo(Outcome.APPLIED);

        assertThat(record(f.host.id(), CalendarConnectionStatus.NOT_CONNECTED, "user", NOW)).isEqualTo(Outcome.OLDER_THAN_STORED);
        assertThat(f.store.calendarConnections().get(f.host.id()).status()).isEqualTo(CalendarConnectionStatus.CONNECTED);
        assertThat(record(f.host.id(), CalendarConnectionStatus.CONNECTED, null, connectedAt)).as("redelivered").isEqualTo(Outcome.APPLIED);

        assertThat(f.createRoom().create(new CreateRoomCommand(f.host, START, false, null)).await().indefinitely()).isNotNull();
    }

    @Test
    void aPersonSchedulingHasNeverSeenCanBeRecorded() {
        assertThat(record("google-sub-not-yet-signed-in", CalendarConnectionStatus.CONNECTED, null, NOW)).isEqualTo(Outcome.APPLIED);
        assertThat(f.store.calendarConnections()).containsKey("google-sub-not-yet-signed-in");
    }

    @Test
    void aConnectionThatCannotBeStoredIsRefusedAsInvalid() {
        assertThatThrownBy(() -> new RecordCalendarConnectionCommand("nul\u0000id", CalendarConnectionStatus.CONNECTED, null, null, NOW))
                .isInstanceOf(InvalidRequestException.class).hasFieldOrPropertyWithValue("code", "invalid_calendar_connection");
        assertThatThrownBy(() -> new RecordCalendarConnectionCommand(" ", CalendarConnectionStatus.CONNECTED, null, null, NOW))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new RecordCalendarConnectionCommand("id", CalendarConnectionStatus.CONNECTED, null, null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void withTheGateOffNothingIsLookedUp() {
        Fixture phaseOne = new Fixture();
        int before = phaseOne.store.transactions;

        phaseOne.createRoom().create(new CreateRoomCommand(phaseOne.host, START, false, null)).await().indefinitely();

        assertThat(phaseOne.store.transactions - before).as("only the room's own transaction").isEqualTo(1);
    }

    private void connect(UserProfile person, Instant at) {
        record(person.id(), CalendarConnectionStatus.CONNECTED, null, at);
    }

    private Outcome record(String userId, CalendarConnectionStatus status, String reason, Instant at) {
        String calendar = status == CalendarConnectionStatus.CONNECTED ? "schedulr-" + userId + "@group.calendar.google.com" : null;
        return f.recordCalendarConnection().record(new RecordCalendarConnectionCommand(userId, status, reason, calendar, at))
                .await().indefinitely();
    }

    private static void assertRefused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(CalendarNotConnectedException.class)
                .hasFieldOrPropertyWithValue("code", "calendar_not_connected");
    }
}
