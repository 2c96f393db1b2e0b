package io.schedulr.calendarsync.adapter.in.rest;

import io.schedulr.calendarsync.application.ConnectionView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Locale;

/**
 * A person's connection on the wire: {@code status} is connected, not_connected or revoked; {@code reason} (user,
 * revoked, scopes_missing) says why not; {@code connectUrl} is where to (re)connect.
 */
@Schema(name = "CalendarConnection", description = "The caller's Google Calendar connection.")
public record ConnectionJson(
        @Schema(description = "The connection's state.", enumeration = {"connected", "not_connected", "revoked"},
                examples = "connected") String status,
        @Schema(description = "Why the person is not connected; null when connected.", enumeration = {"user", "revoked", "scopes_missing"},
                nullable = true, examples = "user") String reason,
        @Schema(description = "Google's id of the person's dedicated \"Schedulr Meetings\" calendar; null unless connected.",
                nullable = true, examples = "c_1a2b3c4d5e6f@group.calendar.google.com") String calendarId,
        @Schema(description = "When the person connected; null unless connected.", nullable = true, examples = "2030-01-01T09:00:00Z")
        Instant connectedAt,
        @Schema(description = "Where to (re)connect: the front end's connect page.", examples = "http://localhost:8080/connect-calendar")
        String connectUrl) {
    static ConnectionJson of(ConnectionView view, String connectUrl) {
        return new ConnectionJson(view.status().name().toLowerCase(Locale.ROOT),
                view.reason() == null ? null : view.reason().name().toLowerCase(Locale.ROOT), view.calendarId(), view.connectedAt(), connectUrl);
    }
}
