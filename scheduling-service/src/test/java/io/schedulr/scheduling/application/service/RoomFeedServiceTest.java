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
                guest == null ? null : "Guesto", guest != null, privateRoom, null, Instant.EPOCH, null, "https://video/" + room);
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
