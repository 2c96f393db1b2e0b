package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.RoomAccess;

import java.time.Instant;

/**
 * One room change on the live stream.
 *
 * @param type      the published event type (e.g. {@code io.schedulr.room.booked.v1}), or one of the stream's own
 *                  ({@link #RELOAD}, {@link #HIDDEN})
 * @param guestId   null while unbooked, and for viewers who may not know who booked
 * @param offeredTo the person a private room is offered to, if any
 * @param before    who could see the room before this change; null when that is not known (a new room)
 * @param position  where the change was read from the shared feed (which partition, which offset in it); null on the
 *                  stream's own items
 * @param resumeId  what a client sends back (as {@code Last-Event-ID}) to resume after this item: opaque, set by the
 *                  feed when it hands the item to a watcher; null before that
 */
public record LiveRoomChange(String type, String eventId, Instant time, String roomId, String hostId, String hostName,
                             String guestId, String guestName, boolean booked, boolean privateRoom, String offeredTo,
                             Instant start, Instant end, String stage, String roomUrl, Audience before, Position position,
                             String resumeId) {

    /** Type of the item a stream starts with when it cannot give a reconnecting client what it missed. */
    public static final String RELOAD = "reload";
    /** Type of the item telling a viewer that a room they could see is no longer theirs to see (only its id). */
    public static final String HIDDEN = "hidden";

    /** Who could see a room: its guest, whether it was private and who it was offered to. */
    public record Audience(String guestId, boolean privateRoom, String offeredTo) {
        boolean includes(String hostId, String viewer) {
            return RoomAccess.canSee(hostId, guestId, privateRoom, offeredTo, viewer);
        }
    }

    /**
     * Where a change sits in the feed every replica reads: the feed is split into numbered partitions, each read in the
     * order of its offsets (the same on every replica), while the order across partitions differs from replica to replica.
     */
    public record Position(int partition, long offset) {
    }

    /** A change not yet placed in the feed (no position, no resume id). */
    public LiveRoomChange(String type, String eventId, Instant time, String roomId, String hostId, String hostName,
                          String guestId, String guestName, boolean booked, boolean privateRoom, String offeredTo,
                          Instant start, Instant end, String stage, String roomUrl, Audience before) {
        this(type, eventId, time, roomId, hostId, hostName, guestId, guestName, booked, privateRoom, offeredTo, start, end, stage,
                roomUrl, before, null, null);
    }

    public static LiveRoomChange reload() {
        return new LiveRoomChange(RELOAD, null, null, null, null, null, null, null, false, false, null, null, null, null, null, null);
    }

    /** This change read from the feed at this position. */
    public LiveRoomChange at(Position where) {
        return new LiveRoomChange(type, eventId, time, roomId, hostId, hostName, guestId, guestName, booked, privateRoom, offeredTo,
                start, end, stage, roomUrl, before, where, resumeId);
    }

    /** This item as handed to one watcher, who resumes after it with {@code id}. */
    public LiveRoomChange resumableAs(String id) {
        return new LiveRoomChange(type, eventId, time, roomId, hostId, hostName, guestId, guestName, booked, privateRoom, offeredTo,
                start, end, stage, roomUrl, before, position, id);
    }

    public boolean isReload() {
        return RELOAD.equals(type);
    }

    public boolean isHidden() {
        return HIDDEN.equals(type);
    }

    public boolean visibleTo(String viewer) {
        if (isReload()) {
            return true;
        }
        return RoomAccess.canSee(hostId, guestId, privateRoom, offeredTo, viewer);
    }

    /** The viewer could see the room before this change and may not any more (it went private, or the offer moved on). */
    public boolean hidesFrom(String viewer) {
        return before != null && before.includes(hostId, viewer) && !visibleTo(viewer);
    }

    /** What a viewer who lost sight of the room is told: which room, nothing of what it is now. */
    public LiveRoomChange hiddenNotice() {
        return new LiveRoomChange(HIDDEN, eventId, time, roomId, null, null, null, null, false, false, null, null, null, null, null, null,
                position, resumeId);
    }

    public boolean hasParticipant(String viewer) {
        return RoomAccess.isParticipant(hostId, guestId, viewer);
    }
}
