package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.LiveRoomChange;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RoomFeedServiceTest {
    private final RoomFeedService feed = new RoomFeedService(3, 4);

    private static LiveRoomChange change(String room, String guest, boolean privateRoom) {
        return new LiveRoomChange("io.schedulr.room.booked.v1", "e-" + room, Instant.EPOCH, room, "host", "Hosta", guest,
                guest == null ? null : "Guesto", guest != null, privateRoom, null, Instant.EPOCH, Instant.EPOCH.plusSeconds(3600), null, "https://video/" + room, null);
    }

    /** A change of who may see the room: from {@code before} to private and offered to {@code offeredTo}. */
    private static LiveRoomChange madePrivate(String room, String guest, LiveRoomChange.Audience before, String offeredTo) {
        return new LiveRoomChange("io.schedulr.room.updated.v1", "e-" + room, Instant.EPOCH, room, "host", "Hosta", guest,
                guest == null ? null : "Guesto", guest != null, true, offeredTo, Instant.EPOCH, Instant.EPOCH.plusSeconds(3600), null, "https://video/" + room, before);
    }

    @Test
    void whoeverCouldSeeARoomThatWentPrivateIsToldItIsHiddenWithNothingButItsId() {
        AssertSubscriber<LiveRoomChange> stranger = feed.watch("stranger", null).subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<LiveRoomChange> offered = feed.watch("offered", null).subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<LiveRoomChange> host = feed.watch("host", null).subscribe().withSubscriber(AssertSubscriber.create(10));

        feed.share(madePrivate("r1", null, new LiveRoomChange.Audience(null, false, null), "offered"));

        assertThat(stranger.getItems()).singleElement().satisfies(c -> {
            assertThat(c.isHidden()).isTrue();
            assertThat(c.roomId()).isEqualTo("r1");
            assertThat(c.eventId()).isEqualTo("e-r1");
            assertThat(c.hostId()).isNull();
            assertThat(c.start()).isNull();
            assertThat(c.offeredTo()).isNull();
        });
        assertThat(offered.getItems()).singleElement().satisfies(c -> assertThat(c.type()).isEqualTo("io.schedulr.room.updated.v1"));
        assertThat(host.getItems()).singleElement().satisfies(c -> assertThat(c.isHidden()).isFalse());
    }

    @Test
    void anOfferMovedOnHidesTheRoomFromTheFormerOneOnlyAndAPrivateRoomNeverSeenStaysUnknown() {
        AssertSubscriber<LiveRoomChange> former = feed.watch("former", null).subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<LiveRoomChange> stranger = feed.watch("stranger", null).subscribe().withSubscriber(AssertSubscriber.create(10));

        feed.share(madePrivate("r1", null, new LiveRoomChange.Audience(null, true, "former"), "next"));
        feed.share(madePrivate("r2", null, new LiveRoomChange.Audience(null, true, null), null));
        feed.share(madePrivate("r3", null, null, null));

        assertThat(former.getItems()).singleElement().satisfies(c -> {
            assertThat(c.isHidden()).isTrue();
            assertThat(c.roomId()).isEqualTo("r1");
        });
        assertThat(stranger.getItems()).isEmpty();
    }

    @Test
    void aGuestWhoLeftAPrivateRoomIsToldItIsHidden() {
        AssertSubscriber<LiveRoomChange> leaver = feed.watch("guest", null).subscribe().withSubscriber(AssertSubscriber.create(10));

        feed.share(madePrivate("r1", null, new LiveRoomChange.Audience("guest", true, null), null));

        assertThat(leaver.getItems()).singleElement().satisfies(c -> assertThat(c.isHidden()).isTrue());
    }

    @Test
    void everyoneSeesPublicRoomsWithoutGuestOrLinkAndPrivateRoomsOnlyReachTheirParticipants() {
        AssertSubscriber<LiveRoomChange> stranger = feed.watch("stranger", null).subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<LiveRoomChange> guest = feed.watch("guest", null).subscribe().withSubscriber(AssertSubscriber.create(10));

        feed.share(change("public", "guest", false));
        feed.share(change("private", "guest", true));

        assertThat(stranger.getItems()).singleElement().satisfies(c -> {
            assertThat(c.roomId()).isEqualTo("public");
            assertThat(c.guestId()).isNull();
            assertThat(c.roomUrl()).isNull();
            assertThat(c.booked()).isTrue();
        });
        assertThat(guest.getItems()).extracting(LiveRoomChange::roomId).containsExactly("public", "private");
        assertThat(guest.getItems()).allSatisfy(c -> assertThat(c.roomUrl()).isNotNull());
    }

    @Test
    void aReconnectingWatcherGetsWhatItMissedThenTheLiveChanges() {
        feed.share(change("r1", null, false));
        feed.share(change("r2", null, false));
        feed.share(change("r3", null, false));

        AssertSubscriber<LiveRoomChange> back = feed.watch("viewer", "e-r1").subscribe().withSubscriber(AssertSubscriber.create(10));
        feed.share(change("r4", null, false));

        assertThat(back.getItems()).extracting(LiveRoomChange::roomId).containsExactly("r2", "r3", "r4");
    }

    @Test
    void aGapOlderThanTheWindowStartsWithReload() {
        for (int i = 1; i <= 5; i++) {
            feed.share(change("r" + i, null, false));
        }

        AssertSubscriber<LiveRoomChange> back = feed.watch("viewer", "e-r1").subscribe().withSubscriber(AssertSubscriber.create(10));

        assertThat(back.getItems()).singleElement().satisfies(c -> assertThat(c.isReload()).isTrue());
    }

    @Test
    void aWatcherThatDoesNotKeepUpIsDroppedWithoutHoldingMoreThanItsBuffer() {
        AssertSubscriber<LiveRoomChange> slow = feed.watch("viewer", null).subscribe().withSubscriber(AssertSubscriber.create(0));
        AssertSubscriber<LiveRoomChange> fast = feed.watch("viewer", null).subscribe().withSubscriber(AssertSubscriber.create(100));

        for (int i = 1; i <= 6; i++) {
            feed.share(change("r" + i, null, false));
        }

        slow.assertFailedWith(io.smallrye.mutiny.subscription.BackPressureFailure.class);
        assertThat(fast.getItems()).hasSize(6);
    }
}
