package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.CalendarWatch;
import io.schedulr.calendarsync.domain.ObservedEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Google's watch and list calls as a script: what the next listings answer, and what was asked. */
final class FakeCalendarWatch implements CalendarWatch {
    final List<String> watched = new ArrayList<>();
    /** The calendars each watch call asked for, opened or not. */
    final List<String> attemptedWatches = new ArrayList<>();
    /** What Google answers a watch of these calendars instead of opening a channel. */
    final java.util.Map<String, RuntimeException> refusedWatches = new java.util.HashMap<>();
    final List<String> stopped = new ArrayList<>();
    final List<String> listings = new ArrayList<>();
    /** Pages the next incremental listings answer, in order; an exception is thrown instead. */
    final Deque<Object> changes = new ArrayDeque<>();
    /** Pages the next full listings answer, in order. */
    final Deque<Page> full = new ArrayDeque<>();
    /** Runs while the next listing is read, after its answer was taken: what happens meanwhile elsewhere. */
    Runnable whileListing;
    private final Instant expiry;

    FakeCalendarWatch(Instant expiry) {
        this.expiry = expiry;
    }

    @Override
    public OpenedChannel watch(String accessToken, String calendarId, String channelId, String channelToken, String address, Duration ttl) {
        attemptedWatches.add(calendarId);
        RuntimeException refusal = refusedWatches.get(calendarId);
        if (refusal != null) {
            throw refusal;
        }
        watched.add(channelId);
        return new OpenedChannel("res-" + calendarId, expiry);
    }

    @Override
    public void stop(String accessToken, String channelId, String resourceId) {
        stopped.add(channelId);
    }

    @Override
    public Page changes(String accessToken, String calendarId, String syncToken, String pageToken) {
        listings.add("sync " + syncToken + (pageToken == null ? "" : " page " + pageToken));
        Object next = changes.isEmpty() ? new Page(List.of(), null, syncToken) : changes.poll();
        meanwhile();
        if (next instanceof RuntimeException e) {
            throw e;
        }
        return (Page) next;
    }

    @Override
    public Page all(String accessToken, String calendarId, String pageToken) {
        listings.add("full" + (pageToken == null ? "" : " page " + pageToken));
        Page next = full.isEmpty() ? new Page(List.of(), null, "token-full") : full.poll();
        meanwhile();
        return next;
    }

    private void meanwhile() {
        Runnable now = whileListing;
        whileListing = null;
        if (now != null) {
            now.run();
        }
    }

    static Page page(String nextPage, String nextSync, ObservedEvent... events) {
        return new Page(List.of(events), nextPage, nextSync);
    }
}
