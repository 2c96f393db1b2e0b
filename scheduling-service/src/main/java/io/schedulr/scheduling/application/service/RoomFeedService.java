package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.LiveRoomChange;
import io.schedulr.scheduling.application.port.in.ShareRoomChangeUseCase;
import io.schedulr.scheduling.application.port.in.WatchRoomsUseCase;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Hands each room change to everyone watching, filtered and redacted per viewer by the room's visibility rule:
 * private rooms only to their participants, the guest and the video link only to participants. A viewer who could see
 * the room before the change and may not any more gets a {@link LiveRoomChange#HIDDEN} notice with only its id, so a
 * list showing it can drop it. The last
 * {@code replayWindow} changes are kept so that a client that reconnects gets what it missed; a watcher that does not
 * keep up is dropped once {@code perWatcherBuffer} changes wait for it (it reconnects and resumes).
 */
public class RoomFeedService implements WatchRoomsUseCase, ShareRoomChangeUseCase {
    private final BroadcastProcessor<LiveRoomChange> changes = BroadcastProcessor.create();
    private final Deque<LiveRoomChange> recent = new ArrayDeque<>();
    private final int replayWindow;
    private final int perWatcherBuffer;

    public RoomFeedService(int replayWindow, int perWatcherBuffer) {
        this.replayWindow = replayWindow;
        this.perWatcherBuffer = perWatcherBuffer;
    }

    @Override
    public void share(LiveRoomChange change) {
        synchronized (recent) {
            recent.addLast(change);
            if (recent.size() > replayWindow) {
                recent.removeFirst();
            }
            changes.onNext(change);
        }
    }

    @Override
    public Multi<LiveRoomChange> watch(String viewerId, String lastSeenEventId) {
        Multi<LiveRoomChange> all = Multi.createFrom().<LiveRoomChange>emitter(emitter -> {
            // Under the same lock as share(): nothing can slip between what is replayed and what follows live.
            synchronized (recent) {
                if (lastSeenEventId != null) {
                    missedSince(lastSeenEventId).forEach(emitter::emit);
                }
                var live = changes.subscribe().with(emitter::emit, emitter::fail, emitter::complete);
                emitter.onTermination(live::cancel);
            }
        }, BackPressureStrategy.ERROR);
        return all.onOverflow().buffer(perWatcherBuffer)
                .filter(c -> c.visibleTo(viewerId) || c.hidesFrom(viewerId))
                .map(c -> c.visibleTo(viewerId) ? redactedFor(c, viewerId) : c.hiddenNotice());
    }

    /** The changes after the one with this id; a reload marker if it is no longer (or never was) in the window. */
    private List<LiveRoomChange> missedSince(String eventId) {
        List<LiveRoomChange> missed = new ArrayList<>();
        boolean found = false;
        for (LiveRoomChange c : recent) {
            if (found) {
                missed.add(c);
            } else if (eventId.equals(c.eventId())) {
                found = true;
            }
        }
        return found ? missed : List.of(LiveRoomChange.reload());
    }

    private static LiveRoomChange redactedFor(LiveRoomChange c, String viewer) {
        if (c.isReload() || c.hasParticipant(viewer)) {
            return c;
        }
        return new LiveRoomChange(c.type(), c.eventId(), c.time(), c.roomId(), c.hostId(), c.hostName(), null, null, c.booked(),
                c.privateRoom(), c.offeredTo(), c.start(), c.end(), null, null, null);
    }
}
