package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.LiveRoomChange;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RoomFeedServiceTest {
    private final RoomFeedService feed = new RoomFeedService(3, 4);
    /** The next offset in partition 0, for changes whose place in the feed does not matter to a test. */
    private long next;

    private LiveRoomChange change(String room, String guest, boolean privateRoom) {
        return change(room, guest, privateRoom, 0, next++);
    }

    private static LiveRoomChange change(String room, String guest, boolean privateRoom, int partition, long offset) {
        return new LiveRoomChange("io.schedulr.room.booked.v1", "e-" + room, Instant.EPOCH, room, "host", "Hosta", guest,
                guest == null ? null : "Guesto", guest != null, privateRoom, null, Instant.EPOCH, Instant.EPOCH.plusSeconds(3600), null,
                "https://video/" + room, null).at(new LiveRoomChange.Position(partition, offset));
    }

    /** A change of who may see the room: from {@code before} to private and offered to {@code offeredTo}. */
    private LiveRoomChange madePrivate(String room, String guest, LiveRoomChange.Audience before, String offeredTo) {
        return new LiveRoomChange("io.schedulr.room.updated.v1", "e-" + room, Instant.EPOCH, room, "host", "Hosta", guest,
                guest == null ? null : "Guesto", guest != null, true, offeredTo, Instant.EPOCH, Instant.EPOCH.plusSeconds(3600), null,
                "https://video/" + room, before).at(new LiveRoomChange.Position(0, next++));
    }

    private static AssertSubscriber<LiveRoomChange> watch(RoomFeedService on, String lastSeen) {
        return on.watch("viewer", lastSeen).subscribe().withSubscriber(AssertSubscriber.create(100));
    }

    /** The resume id of the item about this room, as the browser would keep it from the SSE id. */
    private static String idOf(AssertSubscriber<LiveRoomChange> watcher, String roomId) {
        return watcher.getItems().stream().filter(c -> roomId.equals(c.roomId())).findFirst().orElseThrow().resumeId();
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
        AssertSubscriber<LiveRoomChange> first = watch(feed, null);
        feed.share(change("r1", null, false));
        String lastId = idOf(first, "r1");
        first.cancel();
        feed.share(change("r2", null, false));
        feed.share(change("r3", null, false));

        AssertSubscriber<LiveRoomChange> back = watch(feed, lastId);
        feed.share(change("r4", null, false));

        assertThat(back.getItems()).extracting(LiveRoomChange::roomId).containsExactly("r2", "r3", "r4");
        assertThat(back.getItems()).extracting(LiveRoomChange::resumeId).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void aGapOlderThanTheWindowStartsWithReload() {
        AssertSubscriber<LiveRoomChange> first = watch(feed, null);
        feed.share(change("r1", null, false));
        String lastId = idOf(first, "r1");
        first.cancel();
        for (int i = 2; i <= 5; i++) {
            feed.share(change("r" + i, null, false));
        }

        AssertSubscriber<LiveRoomChange> back = watch(feed, lastId);

        assertThat(back.getItems()).singleElement().satisfies(c -> assertThat(c.isReload()).isTrue());
    }

    @Test
    void aClientResumingOnAReplicaThatReadThePartitionsInAnotherOrderGetsTheChangeItMissed() {
        RoomFeedService a = new RoomFeedService(10, 10);
        RoomFeedService b = new RoomFeedService(10, 10);
        for (RoomFeedService replica : List.of(a, b)) {
            replica.readsFrom(java.util.Map.of(0, 0L, 1, 0L));
        }
        LiveRoomChange x = change("x", null, false, 0, 0);
        LiveRoomChange y = change("y", null, false, 1, 0);
        AssertSubscriber<LiveRoomChange> onA = watch(a, null);
        a.share(x);
        String lastId = idOf(onA, "x");
        onA.cancel(); // A rolls away before it takes in y
        b.share(y);
        b.share(x);

        AssertSubscriber<LiveRoomChange> onB = watch(b, lastId);

        assertThat(onB.getItems()).extracting(LiveRoomChange::roomId).containsExactly("y");
    }

    @Test
    void whereverAndWheneverAClientResumesItGetsEveryChangeItMissedOrIsToldToReload() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            // The same seven changes over three partitions, taken in by two replicas in their own interleavings.
            List<LiveRoomChange> published = new ArrayList<>();
            long[] offsets = new long[3];
            for (int i = 0; i < 7; i++) {
                int partition = random.nextInt(3);
                published.add(change("r" + i, null, false, partition, offsets[partition]++));
            }
            List<LiveRoomChange> orderA = interleaved(published, random);
            List<LiveRoomChange> orderB = interleaved(published, random);
            boolean announced = random.nextBoolean(); // whether the replicas were told where reading began
            RoomFeedService a = new RoomFeedService(3 + random.nextInt(6), 10);
            RoomFeedService b = new RoomFeedService(3 + random.nextInt(6), 10);
            if (announced) {
                for (int partition = 0; partition < 3; partition++) {
                    a.readsFrom(java.util.Map.of(partition, 0L));
                    b.readsFrom(java.util.Map.of(partition, 0L));
                }
            }
            int seenOnA = 1 + random.nextInt(orderA.size());
            AssertSubscriber<LiveRoomChange> onA = watch(a, null);
            orderA.subList(0, seenOnA).forEach(a::share);
            String lastId = onA.getItems().get(onA.getItems().size() - 1).resumeId();
            Set<String> missed = orderA.subList(seenOnA, orderA.size()).stream().map(LiveRoomChange::roomId).collect(Collectors.toSet());
            int takenByB = random.nextInt(orderB.size() + 1);
            orderB.subList(0, takenByB).forEach(b::share);

            AssertSubscriber<LiveRoomChange> onB = watch(b, lastId);
            orderB.subList(takenByB, orderB.size()).forEach(b::share);

            List<LiveRoomChange> items = onB.getItems();
            if (items.isEmpty() || !items.get(0).isReload()) {
                assertThat(items).as("round %d: resumed without a reload", round).extracting(LiveRoomChange::roomId)
                        .containsAll(missed);
            }
        }
    }

    /** The changes in a random order that keeps each partition's own order, as one replica's consumer takes them in. */
    private static List<LiveRoomChange> interleaved(List<LiveRoomChange> published, Random random) {
        List<List<LiveRoomChange>> byPartition = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            int partition = p;
            byPartition.add(new ArrayList<>(published.stream().filter(c -> c.position().partition() == partition).toList()));
        }
        List<LiveRoomChange> order = new ArrayList<>();
        while (order.size() < published.size()) {
            List<LiveRoomChange> from = byPartition.get(random.nextInt(3));
            if (!from.isEmpty()) {
                order.add(from.remove(0));
            }
        }
        return order;
    }

    @Test
    void aWatcherIsToldOnceToReloadWhenTheReplicaBeginsReadingManyPartitions() {
        AssertSubscriber<LiveRoomChange> watcher = watch(feed, null);
        java.util.Map<Integer, Long> assignment = new java.util.HashMap<>();
        for (int partition = 0; partition < 12; partition++) {
            assignment.put(partition, 40L);
        }
        feed.readsFrom(assignment);
        feed.readsFrom(assignment);

        assertThat(watcher.getItems()).as("one reload for the assignment, none for reading on where it was")
                .singleElement().satisfies(c -> assertThat(c.isReload()).isTrue());
    }

    @Test
    void aReplicaThatBeganReadingAfterTheClientsPlaceAsksItToReload() {
        RoomFeedService a = new RoomFeedService(10, 10);
        a.readsFrom(java.util.Map.of(0, 0L));
        AssertSubscriber<LiveRoomChange> onA = watch(a, null);
        a.share(change("r0", null, false, 0, 0));
        String lastId = idOf(onA, "r0");
        RoomFeedService b = new RoomFeedService(10, 10);
        b.readsFrom(java.util.Map.of(0, 2L)); // offset 1 came before B started

        assertThat(watch(b, lastId).getItems()).singleElement().satisfies(c -> assertThat(c.isReload()).isTrue());
    }

    @Test
    void idsThatAreNotAResumePointAskForAReloadWhichCanItselfBeResumedFrom() {
        feed.readsFrom(java.util.Map.of(0, 0L));
        for (String id : List.of("e-r1", "0b6f0f7e-1d2c-4c7a-9a3e-6f1c2b3a4d5e", "v1:0", "v1:0=x", "v1:-1=3", "v1:0=1,0=2", "v1:0=1,",
                "v1:0=" + "9".repeat(30), "v1:" + "0=1,".repeat(2000))) {
            assertThat(watch(feed, id).getItems()).as(id).singleElement().satisfies(c -> assertThat(c.isReload()).isTrue());
        }
        AssertSubscriber<LiveRoomChange> reloaded = watch(feed, "garbage");
        String afterReload = reloaded.getItems().get(0).resumeId();
        reloaded.cancel();
        feed.share(change("r1", null, false));

        assertThat(watch(feed, afterReload).getItems()).extracting(LiveRoomChange::roomId).containsExactly("r1");
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
