package io.schedulr.events;

/**
 * Payload ({@code data}) of {@code io.schedulr.calendar.room-mirror-failed.v1}: Google will not tell a room change's
 * participants (the host has no connection, the host's grant is revoked, or Google refused the write for good), so
 * notification-service emails both participants instead.
 *
 * @param change the CloudEvents type of the room change that did not reach Google (a {@link RoomEventType} value)
 * @param reason a short machine-readable reason, {@code not_connected}, {@code revoked}, {@code google_rejected:<reason>} or
 *               {@code not_on_google} (the end of a meeting Google never had)
 * @param room   the room's state after that change, exactly as the room event carried it
 */
public record RoomMirrorFailure(String change, String reason, RoomEvent room) {
    public static final String CLOUD_EVENT_TYPE = "io.schedulr.calendar.room-mirror-failed.v1";
}
