package io.schedulr.notification.domain;

/** What told this service about a room change. */
public enum ChangeSource {
    /** scheduling-service's room event: the change itself. */
    ROOM_EVENT,
    /**
     * calendar-sync-service's report that the change will never reach Google (the host has no usable connection, or
     * Google refused the write for good): Google invites nobody for it, so both participants are emailed.
     */
    MIRROR_FAILURE
}
