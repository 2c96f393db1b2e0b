package io.schedulr.calendarsync.adapter.out.google;

import com.google.api.client.http.HttpResponseException;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Channel;
import com.google.api.services.calendar.model.Events;
import io.schedulr.calendarsync.application.SyncTokenExpiredException;
import io.schedulr.calendarsync.application.port.out.CalendarWatch;
import io.schedulr.calendarsync.config.GoogleConfig;
import io.schedulr.calendarsync.domain.ObservedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Push channels and event listings of a dedicated calendar through Google's Calendar v3 client: {@code events.watch},
 * {@code channels.stop}, {@code events.list} with a sync token (410 → {@link SyncTokenExpiredException}) or in full.
 */
@ApplicationScoped
public class GoogleCalendarWatch implements CalendarWatch {
    @Inject
    GoogleConfig config;
    @Inject
    GoogleRequests requests;

    @Override
    public OpenedChannel watch(String accessToken, String calendarId, String channelId, String channelToken, String address, Duration ttl) {
        Channel request = new Channel().setId(channelId).setType("web_hook").setAddress(address).setToken(channelToken);
        if (ttl != null) {
            request.setParams(Map.of("ttl", String.valueOf(ttl.toSeconds())));
        }
        try {
            Channel opened = client(accessToken).events().watch(calendarId, request).execute();
            Instant expires = opened.getExpiration() == null ? Instant.now().plus(Duration.ofDays(7)) : Instant.ofEpochMilli(opened.getExpiration());
            return new OpenedChannel(opened.getResourceId(), expires);
        } catch (IOException e) {
            throw GoogleFailures.onCalendar(calendarId, "watching calendar " + calendarId, e);
        }
    }

    @Override
    public void stop(String accessToken, String channelId, String resourceId) {
        try {
            client(accessToken).channels().stop(new Channel().setId(channelId).setResourceId(resourceId)).execute();
        } catch (HttpResponseException e) {
            if (e.getStatusCode() == 404) {
                return;
            }
            throw GoogleFailures.refusedOrUnavailable("stopping channel " + channelId, e);
        } catch (IOException e) {
            throw GoogleFailures.refusedOrUnavailable("stopping channel " + channelId, e);
        }
    }

    @Override
    public Page changes(String accessToken, String calendarId, String syncToken, String pageToken) {
        try {
            return page(client(accessToken).events().list(calendarId).setSyncToken(syncToken).setPageToken(pageToken).execute());
        } catch (HttpResponseException e) {
            if (e.getStatusCode() == 410) {
                throw new SyncTokenExpiredException("Google answered 410 to the sync token of calendar " + calendarId);
            }
            throw GoogleFailures.onCalendar(calendarId, "syncing calendar " + calendarId, e);
        } catch (IOException e) {
            throw GoogleFailures.onCalendar(calendarId, "syncing calendar " + calendarId, e);
        }
    }

    @Override
    public Page all(String accessToken, String calendarId, String pageToken) {
        try {
            return page(client(accessToken).events().list(calendarId).setShowDeleted(false).setPageToken(pageToken).execute());
        } catch (IOException e) {
            throw GoogleFailures.onCalendar(calendarId, "listing calendar " + calendarId, e);
        }
    }

    private static Page page(Events events) {
        List<ObservedEvent> observed = events.getItems() == null ? List.of() : events.getItems().stream().map(ObservedEvents::of).toList();
        return new Page(observed, events.getNextPageToken(), events.getNextSyncToken());
    }

    private Calendar client(String accessToken) {
        return GoogleFailures.calendar(config, requests, accessToken);
    }
}
