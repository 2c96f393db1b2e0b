package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.application.port.in.RoomPage;
import io.schedulr.scheduling.application.port.in.RoomScope;
import io.schedulr.scheduling.application.port.in.SlotQuery;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.RoomNotFoundException;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotStatus;
import io.schedulr.scheduling.domain.UserProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Listings and reads: who sees which rooms and slots, with the people in them, and the caller's profile kept fresh. */
class QueryServicesTest {
    private final Fixture f = new Fixture();
    private final RoomQueriesService rooms = new RoomQueriesService(f.store, f.store, f.store, f.store, f.clock);
    private final SlotQueriesService slots = new SlotQueriesService(f.store, f.store, f.store, f.clock);

    @Test
    void openRoomsAreOthersUnbookedPublicOnesAndMineAreTheOnesIHostOrBooked() {
        PracticeRoom booked = f.bookedRoom();
        PracticeRoom open = f.roomAt(Fixture.START.plus(java.time.Duration.ofHours(3)));

        assertThat(rooms.list(f.other, RoomScope.OPEN, 10, 0).await().indefinitely().rooms()).extracting(d -> d.room().id())
                .containsExactly(open.id());
        assertThat(rooms.list(f.host, RoomScope.OPEN, 10, 0).await().indefinitely().rooms()).isEmpty();
        List<RoomDetails> mine = rooms.list(f.guest, RoomScope.MINE, 10, 0).await().indefinitely().rooms();
        assertThat(mine).singleElement().satisfies(d -> {
            assertThat(d.room().id()).isEqualTo(booked.id());
            assertThat(d.host()).isEqualTo(f.host);
            assertThat(d.guest()).isEqualTo(f.guest);
        });
    }

    @Test
    void aPageWhoseRoomsWereAllLeftOutStillSaysTheListMayGoOnAndAShortPageSaysItEnded() {
        PracticeRoom booked = f.bookedRoom();
        f.roomAt(booked.start().plus(java.time.Duration.ofMinutes(30)));
        PracticeRoom after = f.roomAt(booked.window().end());

        RoomPage first = rooms.list(f.other, RoomScope.OPEN, 1, 0).await().indefinitely();
        assertThat(first.rooms()).as("its host is booked elsewhere then").isEmpty();
        assertThat(first.more()).isTrue();
        RoomPage second = rooms.list(f.other, RoomScope.OPEN, 1, 1).await().indefinitely();
        assertThat(second.rooms()).extracting(d -> d.room().id()).containsExactly(after.id());
        assertThat(second.more()).isTrue();
        assertThat(rooms.list(f.other, RoomScope.OPEN, 1, 2).await().indefinitely().more()).isFalse();
        assertThat(rooms.list(f.other, RoomScope.OPEN, 3, 0).await().indefinitely().more()).isFalse();
    }

    @Test
    void anOpenRoomWhoseHostIsBookedElsewhereThenIsNotListedForNobodyCouldBookIt() {
        PracticeRoom booked = f.bookedRoom();
        PracticeRoom clashing = f.roomAt(booked.start().plus(java.time.Duration.ofMinutes(30)));
        PracticeRoom after = f.roomAt(booked.window().end());

        assertThat(rooms.list(f.other, RoomScope.OPEN, 10, 0).await().indefinitely().rooms()).extracting(d -> d.room().id())
                .containsExactly(after.id());
        assertThat(rooms.list(f.host, RoomScope.MINE, 10, 0).await().indefinitely().rooms()).as("the host still sees it among theirs")
                .extracting(d -> d.room().id()).contains(clashing.id());
    }

    @Test
    void aRoomIsReadByIdWithItsPeopleAndTheCallersProfileIsRefreshed() {
        PracticeRoom room = f.bookedRoom();
        UserProfile renamed = new UserProfile(f.other.id(), f.other.email(), "Otto Renamed", "UTC");

        RoomDetails read = rooms.get(renamed, room.id()).await().indefinitely();

        assertThat(read.guest()).isEqualTo(f.guest);
        assertThat(f.store.findAll(List.of(f.other.id())).await().indefinitely().get(f.other.id()).displayName()).isEqualTo("Otto Renamed");
        assertThatThrownBy(() -> rooms.get(f.other, RoomId.random()).await().indefinitely()).isInstanceOf(RoomNotFoundException.class);
    }

    @Test
    void aPrivateRoomIsReadWithThePersonItIsOfferedTo() {
        PracticeRoom offered = f.room().changePrivacy(f.host.id(), true).offerTo(f.host.id(), f.other.id());
        f.store.putRoom(offered);

        assertThat(rooms.get(f.host, offered.id()).await().indefinitely().offeredTo()).isEqualTo(f.other);
        assertThat(rooms.list(f.host, RoomScope.MINE, 10, 0).await().indefinitely().rooms()).singleElement()
                .satisfies(d -> assertThat(d.offeredTo()).isEqualTo(f.other));
    }

    @Test
    void openSlotsAreOthersAndStartNoEarlierThanNowAndMineCanBeFilteredByStatus() {
        Slot slot = f.slot();
        SlotQuery any = new SlotQuery(null, null, null, 10, 0);

        assertThat(slots.open(f.guest, any).await().indefinitely()).singleElement().satisfies(d -> {
            assertThat(d.slot().id()).isEqualTo(slot.id());
            assertThat(d.host()).as("whom a booking would meet").isEqualTo(f.host);
        });
        assertThat(slots.open(f.host, any).await().indefinitely()).isEmpty();
        assertThat(slots.mine(f.host, new SlotQuery(SlotStatus.BOOKED, null, null, 10, 0)).await().indefinitely()).isEmpty();
        assertThat(slots.mine(f.host, new SlotQuery(SlotStatus.OPEN, null, null, 10, 0)).await().indefinitely()).hasSize(1);
        assertThat(slots.open(f.guest, new SlotQuery(null, slot.window().end(), null, 10, 0)).await().indefinitely()).isEmpty();
    }

    @Test
    void myOwnSlotsAreListedFromNowUnlessAnEarlierFromIsAsked() {
        Slot coming = f.slot();
        SlotQueriesService later = new SlotQueriesService(f.store, f.store, f.store,
                java.time.Clock.fixed(coming.window().end(), java.time.ZoneOffset.UTC));

        assertThat(later.mine(f.host, new SlotQuery(null, null, null, 10, 0)).await().indefinitely()).isEmpty();
        assertThat(later.mine(f.host, new SlotQuery(null, coming.window().start(), null, 10, 0)).await().indefinitely())
                .extracting(Slot::id).containsExactly(coming.id());
    }

    @Test
    void onceARoomHasEndedItIsNoLongerAmongMineButAmongPast() {
        PracticeRoom booked = f.bookedRoom();
        RoomQueriesService afterwards = new RoomQueriesService(f.store, f.store, f.store, f.store,
                java.time.Clock.fixed(booked.window().end(), java.time.ZoneOffset.UTC));

        assertThat(afterwards.list(f.guest, RoomScope.MINE, 10, 0).await().indefinitely().rooms()).isEmpty();
        assertThat(afterwards.list(f.host, RoomScope.PAST, 10, 0).await().indefinitely().rooms()).extracting(d -> d.room().id())
                .containsExactly(booked.id());
        assertThat(rooms.list(f.host, RoomScope.PAST, 10, 0).await().indefinitely().rooms()).isEmpty();
    }
}
