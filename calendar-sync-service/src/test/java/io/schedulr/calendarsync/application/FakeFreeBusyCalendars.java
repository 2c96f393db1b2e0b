package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.FreeBusyCalendars;
import io.schedulr.calendarsync.domain.BusyInterval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Google's free/busy as a test scripts it: busy times per access token's person, or a failure; records every question. */
final class FakeFreeBusyCalendars implements FreeBusyCalendars {
    /** Busy intervals by the refresh token whose access token asks (FakeGoogle's access tokens end in it). */
    final Map<String, List<BusyInterval>> busyOf = new ConcurrentHashMap<>();
    final List<String> asked = new ArrayList<>();
    /** Thrown by the next questions while set. */
    RuntimeException failure;

    @Override
    public List<BusyInterval> busy(String accessToken, Instant start, Instant end) {
        asked.add(accessToken + " " + start + " " + end);
        if (failure != null) {
            throw failure;
        }
        return busyOf.entrySet().stream().filter(e -> accessToken.endsWith(e.getKey())).findFirst().map(Map.Entry::getValue)
                .map(ArrayList::new).orElseGet(ArrayList::new);
    }
}
