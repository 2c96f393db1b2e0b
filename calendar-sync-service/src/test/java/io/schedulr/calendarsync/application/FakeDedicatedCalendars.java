package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.DedicatedCalendars;

import java.util.ArrayList;
import java.util.List;

/** The dedicated calendar: the known one is kept, otherwise a new id is made. Records each call. */
final class FakeDedicatedCalendars implements DedicatedCalendars {
    record Call(String accessToken, String knownCalendarId, String timeZone) {
    }

    final List<Call> calls = new ArrayList<>();
    private int made;

    @Override
    public String ensure(String accessToken, String knownCalendarId, String timeZone) {
        calls.add(new Call(accessToken, knownCalendarId, timeZone));
        return knownCalendarId != null ? knownCalendarId : "schedulr-meetings-" + (++made) + "@group.calendar.google.com";
    }
}
