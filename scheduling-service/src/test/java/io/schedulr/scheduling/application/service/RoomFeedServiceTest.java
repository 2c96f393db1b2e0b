package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.LiveRoomChange;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RoomFeedServiceTest {
    private final RoomFeedService feed = new RoomFeedService();

    private static LiveRoomChange change(String room, String guest, boolean privateRoom) {
        return new LiveRoomChange("io.schedulr.room.booked.v1", "e-" + room, Instant.EPOCH, room, "host", "Hosta", guest,
                guest == null ? null : "Guesto", guest != null, privateRoom, Instant.EPOCH, null, "https://video/" + room);
    }

    @Test
    void everyoneSeesPublicRoomsWithoutGuestOrLinkAndPrivateRoomsOnlyReachTheirParticipants() {
        AssertSubscriber<LiveRoomChange> stranger = feed.watch("stranger").subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<LiveRoomChange> guest = feed.watch("guest").subscribe().withSubscriber(AssertSubscriber.create(10));

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
}
