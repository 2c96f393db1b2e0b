package io.schedulr.calendarsync.application.port.out;

import io.schedulr.calendarsync.application.SyncTokenExpiredException;
import io.schedulr.calendarsync.domain.ObservedEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Google's side of keeping up with a dedicated calendar: push channels and event listings. Throws
 * {@code GoogleUnavailableException} / {@code GoogleRejectedException} like {@link CalendarEvents}.
 */
public interface CalendarWatch {
    /**
     * {@code events.watch}: Google will post to {@code address} with the channel id and token.
     *
     * @param ttl null for Google's default lifetime
     */
    OpenedChannel watch(String accessToken, String calendarId, String channelId, String channelToken, String address, Duration ttl);

    /** {@code channels.stop}; a channel Google no longer knows counts as stopped. */
    void stop(String accessToken, String channelId, String resourceId);

    /** One page of what changed since the sync token; {@link SyncTokenExpiredException} when Google wants a full sync (410). */
    Page changes(String accessToken, String calendarId, String syncToken, String pageToken);

    /** One page of every live event (a full sync). */
    Page all(String accessToken, String calendarId, String pageToken);

    record OpenedChannel(String resourceId, Instant expiresAt) {
    }

    /** @param nextSyncToken set on the last page only */
    record Page(List<ObservedEvent> events, String nextPageToken, String nextSyncToken) {
    }
}
