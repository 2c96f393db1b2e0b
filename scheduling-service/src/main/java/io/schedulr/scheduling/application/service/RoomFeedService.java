package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.LiveRoomChange;
import io.schedulr.scheduling.application.port.in.ShareRoomChangeUseCase;
import io.schedulr.scheduling.application.port.in.WatchRoomsUseCase;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands each room change to everyone watching, filtered and redacted per viewer by the room's visibility rule:
 * private rooms only to their participants, the guest and the video link only to participants. A viewer who could see
 * the room before the change and may not any more gets a {@link LiveRoomChange#HIDDEN} notice with only its id, so a
 * list showing it can drop it. A watcher that does not keep up is dropped once {@code perWatcherBuffer} changes wait for
 * it (it reconnects and resumes).
 *
 * <p>Resuming. The changes come from a feed split into partitions; every replica reads each partition in the same
 * order, but interleaves the partitions in its own order. So each item a watcher gets carries, as its resume id, how far
 * into every partition that watcher has now seen ({@link FeedPosition}), not "after change X". A client that
 * reconnects with it, here or on another replica, gets every change this replica holds that lies beyond that position
 * in its partition, in this replica's order. The last {@code replayWindow} changes are kept; when this replica cannot
 * be sure it holds everything beyond the client's position (some of it dropped from the window, it began reading a
 * partition after that point, or does not read a partition the client knows of, or the id is not one of ours) the
 * stream starts with a {@link LiveRoomChange#RELOAD} item instead: a needless reload costs a listing, a silent gap
 * would leave a wrong list on screen.
 */
public class RoomFeedService implements WatchRoomsUseCase, ShareRoomChangeUseCase {
    private final BroadcastProcessor<Taken> changes = BroadcastProcessor.create();
    private final Deque<Taken> recent = new ArrayDeque<>();
    /** Per partition: the last offset taken in (or the one before where reading began). */
    private final Map<Integer, Long> taken = new HashMap<>();
    /** Per partition: the offset from which this replica has taken in everything (kept or dropped from the window). */
    private final Map<Integer, Long> heldFrom = new HashMap<>();
    /** Per partition: the last offset dropped from the window. */
    private final Map<Integer, Long> dropped = new HashMap<>();
    private final int replayWindow;
    private final int perWatcherBuffer;

    /** A change (or a reload), with where this replica stood in every partition right after taking it in. */
    private record Taken(LiveRoomChange change, FeedPosition after) {
    }

    public RoomFeedService(int replayWindow, int perWatcherBuffer) {
        this.replayWindow = replayWindow;
        this.perWatcherBuffer = perWatcherBuffer;
    }

    @Override
    public void share(LiveRoomChange change) {
        LiveRoomChange.Position at = Objects.requireNonNull(change.position(), "a shared change says where it was read");
        synchronized (recent) {
            Long last = taken.get(at.partition());
            if (last != null && at.offset() <= last) {
                return; // read again (the consumer went back): the watchers have it already
            }
            if (last == null) {
                heldFrom.put(at.partition(), at.offset());
            }
            taken.put(at.partition(), at.offset());
            Taken t = new Taken(change, FeedPosition.of(taken));
            recent.addLast(t);
            if (recent.size() > replayWindow) {
                LiveRoomChange.Position gone = recent.removeFirst().change().position();
                dropped.merge(gone.partition(), gone.offset(), Math::max);
            }
            changes.onNext(t);
        }
    }

    @Override
    public void readsFrom(Map<Integer, Long> nextOffsets) {
        synchronized (recent) {
            boolean gap = false;
            for (Map.Entry<Integer, Long> at : nextOffsets.entrySet()) {
                int partition = at.getKey();
                long nextOffset = at.getValue();
                Long last = taken.get(partition);
                if (last != null && nextOffset <= last + 1) {
                    continue; // goes on where it was (or reads again what it has: share skips it)
                }
                heldFrom.put(partition, nextOffset);
                taken.put(partition, nextOffset - 1);
                gap = true;
            }
            if (gap) {
                // The first time, or further on than where it was: nothing before the next offsets is held. Whoever watches
                // now may have missed changes in between (connected before this replica read the partitions, or the gap),
                // so they are told, once for the whole assignment, to list the rooms again.
                changes.onNext(new Taken(LiveRoomChange.reload(), FeedPosition.of(taken)));
            }
        }
    }

    @Override
    public Multi<LiveRoomChange> watch(String viewerId, String lastSeenEventId) {
        return Multi.createFrom().deferred(() -> {
            // How far this watcher has seen; every item it is handed moves it on, and is resumable from there.
            AtomicReference<FeedPosition> seen = new AtomicReference<>(FeedPosition.NONE);
            Multi<Taken> all = Multi.createFrom().<Taken>emitter(emitter -> {
                // Under the same lock as share(): nothing can slip between what is replayed and what follows live.
                synchronized (recent) {
                    if (lastSeenEventId != null) {
                        FeedPosition from = FeedPosition.parse(lastSeenEventId).filter(this::holdsEverythingAfter).orElse(null);
                        if (from == null) {
                            emitter.emit(new Taken(LiveRoomChange.reload(), FeedPosition.of(taken)));
                        } else {
                            seen.set(from);
                            recent.stream().filter(t -> !from.covers(t.change().position())).forEach(emitter::emit);
                        }
                    }
                    var live = changes.subscribe().with(emitter::emit, emitter::fail, emitter::complete);
                    emitter.onTermination(live::cancel);
                }
            }, BackPressureStrategy.ERROR);
            return all.onOverflow().buffer(perWatcherBuffer)
                    // Live changes the client already has (it came from a replica further on in that partition).
                    .filter(t -> t.change().position() == null || !seen.get().covers(t.change().position()))
                    .filter(t -> t.change().visibleTo(viewerId) || t.change().hidesFrom(viewerId))
                    .map(t -> {
                        FeedPosition now = seen.updateAndGet(s -> s.merge(t.after()));
                        LiveRoomChange c = t.change();
                        return (c.visibleTo(viewerId) ? redactedFor(c, viewerId) : c.hiddenNotice()).resumableAs(now.encode());
                    });
        });
    }

    /** Whether this replica still holds every change beyond this position (so replaying them loses nothing). */
    private boolean holdsEverythingAfter(FeedPosition client) {
        for (int partition : taken.keySet()) {
            if (client.offsetIn(partition) == null) {
                return false; // the client's place in this partition is unknown
            }
        }
        for (int partition : client.partitions()) {
            long seen = client.offsetIn(partition);
            Long from = heldFrom.get(partition);
            if (from == null || from > seen + 1 || dropped.getOrDefault(partition, Long.MIN_VALUE) > seen) {
                return false; // not read here (yet), begun after the client's place, or dropped from the window since
            }
        }
        return true;
    }

    private static LiveRoomChange redactedFor(LiveRoomChange c, String viewer) {
        if (c.isReload() || c.hasParticipant(viewer)) {
            return c;
        }
        return new LiveRoomChange(c.type(), c.eventId(), c.time(), c.roomId(), c.hostId(), c.hostName(), null, null, c.booked(),
                c.privateRoom(), c.offeredTo(), c.start(), c.end(), null, null, null, c.position(), null);
    }
}
