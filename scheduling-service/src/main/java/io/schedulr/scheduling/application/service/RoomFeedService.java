package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.LiveRoomChange;
import io.schedulr.scheduling.application.port.in.ShareRoomChangeUseCase;
import io.schedulr.scheduling.application.port.in.WatchRoomsUseCase;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Hands each room change to everyone watching, filtered and redacted per viewer by the room's visibility rule:
 * private rooms only to their participants, the guest and the video link only to participants.
 */
public class RoomFeedService implements WatchRoomsUseCase, ShareRoomChangeUseCase {
    private final BroadcastProcessor<LiveRoomChange> changes = BroadcastProcessor.create();

    @Override
    public void share(LiveRoomChange change) {
        changes.onNext(change);
    }

    @Override
    public Multi<LiveRoomChange> watch(String viewerId) {
        return changes.filter(c -> c.visibleTo(viewerId)).map(c -> redactedFor(c, viewerId));
    }

    private static LiveRoomChange redactedFor(LiveRoomChange c, String viewer) {
        if (c.hasParticipant(viewer)) {
            return c;
        }
        return new LiveRoomChange(c.type(), c.eventId(), c.time(), c.roomId(), c.hostId(), c.hostName(), null, null, c.booked(), c.privateRoom(),
                c.start(), c.stage(), null);
    }
}
