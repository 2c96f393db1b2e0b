package io.schedulr.scheduling.domain;

/** Who may see what of a room: one rule for reads by id, listings and the live stream. */
public final class RoomAccess {
    private RoomAccess() {
    }

    public static boolean isParticipant(String hostId, String guestId, String viewer) {
        return viewer != null && (viewer.equals(hostId) || viewer.equals(guestId));
    }

    /** Private rooms are seen by their participants; public ones by everyone signed in. */
    public static boolean canSee(String hostId, String guestId, boolean privateRoom, String viewer) {
        return !privateRoom || isParticipant(hostId, guestId, viewer);
    }
}
