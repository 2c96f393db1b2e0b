package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.DedicatedCalendars;

import java.util.ArrayList;
import java.util.List;

/** The dedicated calendar: the known one is kept, otherwise a new id is made. Records each call. */
final class FakeDedicatedCalendars implements DedicatedCalendars {
    record Call(String accessToken, String knownCalendarId, String timeZone) {
    }

    final List<Call> calls = new ArrayList<>();
    /** Google no longer takes the access token (the person withdrew the access a moment ago). */
    boolean accessWithdrawn;
    /** Whether a transaction is open (the test's {@link InMemoryTransactions}); calls made inside one are counted. */
    java.util.function.BooleanSupplier transactionOpen = () -> false;
    int callsInsideTransaction;
    /** What happens elsewhere while Google is being asked. */
    Runnable meanwhile = () -> { };
    /** What Google answers instead of a calendar (unavailable, …); null: it answers. */
    RuntimeException failure;
    /** Calendars deleted in Google: known by id, they are no longer found, and a new one is made. */
    final java.util.Set<String> deletedInGoogle = new java.util.HashSet<>();
    private int made;

    @Override
    public String ensure(String accessToken, String knownCalendarId, String timeZone) {
        calls.add(new Call(accessToken, knownCalendarId, timeZone));
        if (transactionOpen.getAsBoolean()) {
            callsInsideTransaction++;
        }
        meanwhile.run();
        if (accessWithdrawn) {
            throw new GrantRevokedException("Google no longer takes the access token (401)");
        }
        if (failure != null) {
            throw failure;
        }
        return knownCalendarId != null && !deletedInGoogle.contains(knownCalendarId) ? knownCalendarId : "schedulr-meetings-" + (++made) + "@group.calendar.google.com";
    }
}
