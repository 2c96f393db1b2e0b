package io.schedulr.events;

/**
 * Payload ({@code data}) of a calendar connection event: the person's connection state after the change.
 *
 * @param userId     the person's Google account id ({@code sub}), which every service keys people by; also the Kafka key
 * @param status     {@code connected}, {@code not_connected} or {@code revoked} (see {@link #CONNECTED} and friends)
 * @param reason     why a person is disconnected: {@code user}, {@code revoked} or {@code scopes_missing}; null when connected
 * @param calendarId the Google id of the person's dedicated "Schedulr Meetings" calendar; null unless connected
 */
public record CalendarConnectionEvent(String userId, String email, String status, String reason, String calendarId) {
    public static final String CONNECTED = "connected";
    public static final String NOT_CONNECTED = "not_connected";
    public static final String REVOKED = "revoked";

    public static final String REASON_USER = "user";
    public static final String REASON_REVOKED = "revoked";
    public static final String REASON_SCOPES_MISSING = "scopes_missing";

    public boolean connected() {
        return CONNECTED.equals(status);
    }
}
