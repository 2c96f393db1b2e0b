package io.schedulr.scheduling.domain;

/** Who may see what of a room: one rule for reads by id, listings, bookings and the live stream. */
public final class RoomAccess {
    private RoomAccess() {
    }

    public static boolean isParticipant(String hostId, String guestId, String viewer) {
        return viewer != null && (viewer.equals(hostId) || viewer.equals(guestId));
    }

    /**
     * Public rooms are seen by everyone signed in; a private one only by its participants and the person it is offered
     * to. To anyone else a private room does not exist (404, never 403).
     */
    public static boolean canSee(String hostId, String guestId, boolean privateRoom, String offeredTo, String viewer) {
        return !privateRoom || isParticipant(hostId, guestId, viewer) || viewer != null && viewer.equals(offeredTo);
    }
}
