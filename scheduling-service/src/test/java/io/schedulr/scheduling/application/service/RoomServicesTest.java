package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.BookRoomCommand;
import io.schedulr.scheduling.application.port.in.CreateRoomCommand;
import io.schedulr.scheduling.application.port.in.EditRoomCommand;
import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.domain.ConcurrentChangeException;
import io.schedulr.scheduling.domain.ForbiddenActionException;
import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomAlreadyBookedException;
import io.schedulr.scheduling.domain.RoomChange;
import io.schedulr.scheduling.domain.RoomChangeType;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.RoomNotFoundException;
import io.schedulr.scheduling.domain.UnprocessableActionException;
import io.schedulr.scheduling.domain.UserProfile;
import org.junit.jupiter.api.Test;

import static io.schedulr.scheduling.application.service.Fixture.LENGTH;
import static io.schedulr.scheduling.application.service.Fixture.NOW;
import static io.schedulr.scheduling.application.service.Fixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Create, book, edit and delete a room against in-memory ports: what is stored, announced and audited. */
class RoomServicesTest {
    private final Fixture f = new Fixture();

    @Test
    void creatingARoomStoresItAnnouncesItAndAuditsIt() {
        RoomDetails created = f.createRoom().create(new CreateRoomCommand(f.host, START, true, null)).await().indefinitely();

        PracticeRoom room = created.room();
        assertThat(room.window().end()).isEqualTo(START.plus(LENGTH));
        assertThat(room.privateRoom()).isTrue();
        assertThat(room.roomUrl()).contains(room.id().toString());
        assertThat(f.store.rooms()).containsKey(room.id());
        assertThat(f.store.outbox()).singleElement().satisfies(c -> assertThat(c.type()).isEqualTo(RoomChangeType.CREATED));
        assertThat(f.store.audit()).singleElement().satisfies(a -> assertThat(a.action()).isEqualTo("room.created"));
    }

    @Test
    void aRoomInThePastOrWithoutAnEmailIsRefusedBeforeAnythingIsMade() {
        assertThatThrownBy(() -> f.createRoom().create(new CreateRoomCommand(f.host, NOW, false, null)).await().indefinitely())
                .isInstanceOf(InvalidRequestException.class).hasFieldOrPropertyWithValue("code", "datetime_in_past");
        assertThatThrownBy(() -> new CreateRoomCommand(new UserProfile("x", null, "X", "UTC"), START, false, null))
                .hasFieldOrPropertyWithValue("code", "email_required");
        assertThatThrownBy(() -> CreateRoomCommand.of(f.host, "someone-else", START, false, null)).isInstanceOf(ForbiddenActionException.class);
        assertThat(f.store.videoRooms).isEmpty();
        assertThat(f.store.rooms()).isEmpty();
    }

    @Test
    void bookingAnnouncesBothPeopleAndASecondBookerGets409() {
        PracticeRoom room = f.room();

        RoomDetails booked = f.bookRoom().book(new BookRoomCommand(f.guest, room.id(), null)).await().indefinitely();

        assertThat(booked.room().guestId()).isEqualTo(f.guest.id());
        RoomChange event = f.store.outbox().get(0);
        assertThat(event.type()).isEqualTo(RoomChangeType.BOOKED);
        assertThat(event.host()).isEqualTo(f.host);
        assertThat(event.guest()).isEqualTo(f.guest);
        assertThat(f.store.audit()).singleElement().satisfies(a -> assertThat(a.actor()).isEqualTo(f.guest.id()));
        assertThatThrownBy(() -> f.bookRoom().book(new BookRoomCommand(f.other, room.id(), null)).await().indefinitely())
                .isInstanceOf(RoomAlreadyBookedException.class);
        assertThat(f.store.rooms().get(room.id()).guestId()).isEqualTo(f.guest.id());
        assertThat(f.store.outbox()).hasSize(1);
    }

    @Test
    void theHostCannotBookNorBookForSomeoneElseNorBookAnUnknownRoom() {
        PracticeRoom room = f.room();
        assertThatThrownBy(() -> f.bookRoom().book(new BookRoomCommand(f.host, room.id(), null)).await().indefinitely())
                .isInstanceOf(UnprocessableActionException.class);
        assertThatThrownBy(() -> BookRoomCommand.of(f.guest, room.id(), f.other.id(), null)).isInstanceOf(ForbiddenActionException.class);
        assertThatThrownBy(() -> f.bookRoom().book(new BookRoomCommand(f.guest, RoomId.random(), null)).await().indefinitely())
                .isInstanceOf(RoomNotFoundException.class);
        assertThat(f.store.outbox()).isEmpty();
    }

    @Test
    void aRescheduleCommittedWhileBookingIsKeptAndTheBookingRetriedOnTheNewState() {
        PracticeRoom room = f.room();
        f.store.concurrentWrite = () -> f.store.putRoom(room.reschedule(f.host.id(), START.plusSeconds(3600), NOW).atVersion(1));

        RoomDetails booked = f.bookRoom().book(new BookRoomCommand(f.guest, room.id(), null)).await().indefinitely();

        assertThat(booked.room().guestId()).isEqualTo(f.guest.id());
        assertThat(booked.room().start()).isEqualTo(START.plusSeconds(3600));
        assertThat(f.store.transactions).isEqualTo(2);
        assertThat(f.store.outbox()).hasSize(1);
    }

    @Test
    void anotherGuestCommittedWhileBookingWinsAndTheBookingIsRefused() {
        PracticeRoom room = f.room();
        f.store.concurrentWrite = () -> f.store.putRoom(room.book(f.other.id(), NOW).atVersion(1));

        assertThatThrownBy(() -> f.bookRoom().book(new BookRoomCommand(f.guest, room.id(), null)).await().indefinitely())
                .isInstanceOf(RoomAlreadyBookedException.class);
        assertThat(f.store.rooms().get(room.id()).guestId()).isEqualTo(f.other.id());
        assertThat(f.store.outbox()).isEmpty();
    }

    @Test
    void endlessRacesEndAsAConcurrentChange() {
        PracticeRoom room = f.room();
        InMemoryScheduling store = f.store;
        Runnable[] keepRacing = new Runnable[1];
        keepRacing[0] = () -> {
            PracticeRoom current = store.rooms().get(room.id());
            store.putRoom(current.changeStage(f.host.id(), "x" + current.version()).atVersion(current.version() + 1));
            store.concurrentWrite = keepRacing[0];
        };
        store.concurrentWrite = keepRacing[0];

        assertThatThrownBy(() -> f.bookRoom().book(new BookRoomCommand(f.guest, room.id(), null)).await().indefinitely())
                .isInstanceOf(ConcurrentChangeException.class);
    }

    @Test
    void movingABookedRoomIsARescheduleWithAHigherSequence() {
        PracticeRoom room = f.bookedRoom();

        RoomDetails moved = f.editRoom().edit(new EditRoomCommand(f.host, room.id(), START.plusSeconds(7200), null, null, null))
                .await().indefinitely();

        assertThat(moved.room().icsSequence()).isEqualTo(room.icsSequence() + 1);
        assertThat(moved.room().icsUid()).isEqualTo(room.icsUid());
        assertThat(f.store.outbox()).singleElement().satisfies(c -> assertThat(c.type()).isEqualTo(RoomChangeType.RESCHEDULED));
    }

    @Test
    void movingAnUnbookedRoomAndMakingItPrivateIsOnePlainUpdate() {
        PracticeRoom room = f.room();

        RoomDetails edited = f.editRoom().edit(new EditRoomCommand(f.host, room.id(), START.plusSeconds(7200), true, null, null))
                .await().indefinitely();

        assertThat(edited.room().privateRoom()).isTrue();
        assertThat(f.store.outbox()).singleElement().satisfies(c -> assertThat(c.type()).isEqualTo(RoomChangeType.UPDATED));
    }

    @Test
    void theGuestSetsTheStageButCannotReschedule() {
        PracticeRoom room = f.bookedRoom();

        assertThat(f.editRoom().edit(new EditRoomCommand(f.guest, room.id(), null, null, null, "Round 2")).await().indefinitely().room().stage())
                .isEqualTo("Round 2");
        assertThatThrownBy(() -> f.editRoom().edit(new EditRoomCommand(f.guest, room.id(), START.plusSeconds(60), null, null, null))
                .await().indefinitely()).isInstanceOf(ForbiddenActionException.class);
        assertThatThrownBy(() -> new EditRoomCommand(f.guest, room.id(), null, null, null, null)).hasFieldOrPropertyWithValue("code", "nothing_to_update");
    }

    @Test
    void deletingABookedRoomAnnouncesACancellationAboveTheLastSequence() {
        PracticeRoom room = f.bookedRoom();

        f.deleteRoom().delete(f.host, room.id()).await().indefinitely();

        assertThat(f.store.rooms()).doesNotContainKey(room.id());
        RoomChange event = f.store.outbox().get(0);
        assertThat(event.type()).isEqualTo(RoomChangeType.CANCELLED);
        assertThat(event.room().icsSequence()).isEqualTo(room.icsSequence() + 1);
        assertThat(f.store.audit()).singleElement().satisfies(a -> assertThat(a.after()).isNull());
    }

    @Test
    void deletingAnUnbookedRoomIsAPlainDeletionAndOnlyTheHostMayDelete() {
        PracticeRoom room = f.room();
        assertThatThrownBy(() -> f.deleteRoom().delete(f.guest, room.id()).await().indefinitely()).isInstanceOf(ForbiddenActionException.class);

        f.deleteRoom().delete(f.host, room.id()).await().indefinitely();

        assertThat(f.store.outbox()).singleElement().satisfies(c -> assertThat(c.type()).isEqualTo(RoomChangeType.DELETED));
    }

    @Test
    void theGuestLeavingOpensTheRoomUnderANewInvitationAndAnnouncesTheBookingAsItEnds() {
        PracticeRoom booked = f.bookedRoom();

        RoomDetails open = f.releaseBooking().release(f.guest, booked.id()).await().indefinitely();

        assertThat(open.room().guestId()).isNull();
        assertThat(open.guest()).isNull();
        assertThat(open.host()).isEqualTo(f.host);
        assertThat(open.room().icsUid()).isNotEqualTo(booked.icsUid());
        assertThat(f.store.rooms().get(booked.id())).isEqualTo(open.room());
        assertThat(f.store.outbox()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(RoomChangeType.RELEASED);
            assertThat(c.room().icsUid()).isEqualTo(booked.icsUid());
            assertThat(c.room().icsSequence()).isEqualTo(booked.icsSequence() + 1);
            assertThat(c.guest()).isEqualTo(f.guest);
        });
        assertThat(f.store.audit()).singleElement().satisfies(a -> assertThat(a.action()).isEqualTo("room.released"));

        RoomDetails rebooked = f.bookRoom().book(new BookRoomCommand(f.other, booked.id(), null)).await().indefinitely();
        assertThat(rebooked.room().icsUid()).as("a new meeting").isEqualTo(open.room().icsUid());
        assertThat(f.store.outbox()).last().satisfies(c -> assertThat(c.room().icsUid()).isEqualTo(open.room().icsUid()));
    }

    @Test
    void onlyTheGuestLeavesAndNothingChangesOtherwise() {
        PracticeRoom booked = f.bookedRoom();
        PracticeRoom open = f.room();

        assertThatThrownBy(() -> f.releaseBooking().release(f.host, booked.id()).await().indefinitely())
                .isInstanceOf(ForbiddenActionException.class).hasFieldOrPropertyWithValue("code", "not_room_guest");
        assertThatThrownBy(() -> f.releaseBooking().release(f.other, booked.id()).await().indefinitely())
                .isInstanceOf(ForbiddenActionException.class).hasFieldOrPropertyWithValue("code", "not_room_guest");
        assertThatThrownBy(() -> f.releaseBooking().release(f.guest, open.id()).await().indefinitely())
                .isInstanceOf(UnprocessableActionException.class).hasFieldOrPropertyWithValue("code", "room_not_booked");
        assertThatThrownBy(() -> f.releaseBooking().release(f.guest, RoomId.random()).await().indefinitely())
                .isInstanceOf(RoomNotFoundException.class);

        assertThat(f.store.rooms().get(booked.id())).isEqualTo(booked);
        assertThat(f.store.outbox()).isEmpty();
        assertThat(f.store.audit()).isEmpty();
    }
}
