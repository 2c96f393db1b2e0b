package io.schedulr.events;

/**
 * Payload ({@code data}) of {@code io.schedulr.calendar.room-mirror-failed.v1}: calendar-sync-service gave up writing a
 * room change to the host's Google calendar (parked: Google refused it for good, or the host has no usable
 * connection), so Google will not invite anyone for it and notification-service emails both participants instead.
 *
 * @param change the CloudEvents type of the room change that did not reach Google (a {@link RoomEventType} value)
 * @param reason a short machine-readable reason, e.g. {@code google_rejected:forbidden} or {@code not_connected}
 * @param room   the room's state after that change, exactly as the room event carried it
 */
public record RoomMirrorFailure(String change, String reason, RoomEvent room) {
    public static final String CLOUD_EVENT_TYPE = "io.schedulr.calendar.room-mirror-failed.v1";
}
