package io.schedulr.calendarsync.adapter.in.rest;

import io.schedulr.calendarsync.application.ConnectionView;

import java.time.Instant;
import java.util.Locale;

/**
 * A person's connection on the wire: {@code status} is connected, not_connected or revoked; {@code reason} (user,
 * revoked, scopes_missing) says why not; {@code connectUrl} is where to (re)connect.
 */
public record ConnectionJson(String status, String reason, String calendarId, Instant connectedAt, String connectUrl) {
    static ConnectionJson of(ConnectionView view, String connectUrl) {
        return new ConnectionJson(view.status().name().toLowerCase(Locale.ROOT),
                view.reason() == null ? null : view.reason().name().toLowerCase(Locale.ROOT), view.calendarId(), view.connectedAt(), connectUrl);
    }
}
