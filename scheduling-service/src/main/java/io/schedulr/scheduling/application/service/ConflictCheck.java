package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.CalendarBusyPort;
import io.schedulr.scheduling.application.port.out.FindBookingsPort;
import io.schedulr.scheduling.application.port.out.LoadCalendarConnectionPort;
import io.schedulr.scheduling.domain.BusyTimes;
import io.schedulr.scheduling.domain.CalendarConflictException;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.TimeWindow;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses a time that clashes with what the people taking part already have: every person's booked rooms in this app,
 * and the acting person's own Google calendars when they are connected (calendar-sync-service answers free/busy only to
 * the person themself). {@code allowOwnConflicts} lets the actor ignore their own calendar and bookings, never anyone
 * else's. Google not answering never blocks: the check of that calendar is skipped, audited, and answered as the warning
 * {@link #CALENDAR_UNAVAILABLE}.
 */
public class ConflictCheck {
    public static final String CALENDAR_UNAVAILABLE = "calendar_unavailable";

    /** What was checked, for the audit row of a skipped Google check. */
    record SkippedCheck(String window, String reason) {
    }

    private final FindBookingsPort bookings;
    private final CalendarBusyPort calendars;
    private final LoadCalendarConnectionPort connections;
    private final AuditTrailPort audit;
    private final boolean askWithoutStoredConnection;

    public ConflictCheck(FindBookingsPort bookings, CalendarBusyPort calendars, LoadCalendarConnectionPort connections, AuditTrailPort audit) {
        this(bookings, calendars, connections, audit, false);
    }

    /**
     * @param askWithoutStoredConnection ask calendar-sync-service even when no connection is stored here yet (with the
     *                                   calendar gate on, everyone who writes is connected; the announcement of a fresh
     *                                   connection may simply not have arrived)
     */
    public ConflictCheck(FindBookingsPort bookings, CalendarBusyPort calendars, LoadCalendarConnectionPort connections, AuditTrailPort audit,
                         boolean askWithoutStoredConnection) {
        this.askWithoutStoredConnection = askWithoutStoredConnection;
        this.bookings = bookings;
        this.calendars = calendars;
        this.connections = connections;
        this.audit = audit;
    }

    /** A check that finds nothing: for wiring without the conflict rules (and tests of other rules). */
    public static ConflictCheck none() {
        return new ConflictCheck(null, null, null, null);
    }

    /**
     * @param people          everyone taking part (the actor among them or not)
     * @param except          the room being changed, whose own booking is no clash (may be null)
     * @param ownEvent        the time the actor's Google calendar already shows for this very session (may be null)
     * @return the warnings to answer with (empty, or {@link #CALENDAR_UNAVAILABLE})
     */
    public Uni<List<String>> require(String actorId, boolean allowOwnConflicts, TimeWindow window, List<String> people, RoomId except,
                                     TimeWindow ownEvent) {
        if (bookings == null) {
            return Uni.createFrom().item(List.of());
        }
        Set<String> checked = new LinkedHashSet<>();
        for (String person : people) {
            if (person != null && !(allowOwnConflicts && person.equals(actorId))) {
                checked.add(person);
            }
        }
        List<TimeWindow> busy = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Uni<Void> chain = bookings.bookedTimes(checked, window, except).invoke(busy::addAll).replaceWithVoid();
        if (!allowOwnConflicts) {
            chain = chain.chain(() -> ownCalendar(actorId, window, ownEvent, busy, warnings));
        }
        return chain.map(ignored -> {
            List<TimeWindow> clashes = BusyTimes.clashingWith(window, busy);
            if (!clashes.isEmpty()) {
                throw new CalendarConflictException(clashes);
            }
            return List.copyOf(warnings);
        });
    }

    /**
     * An interview's team, known by address: every member's booked sessions here, and the actor's own Google calendars;
     * {@code allowOwnConflicts} leaves out the actor's own address and calendar.
     */
    public Uni<List<String>> requireForTeam(String actorId, String actorEmail, boolean allowOwnConflicts, TimeWindow window,
                                            List<String> emails) {
        if (bookings == null) {
            return Uni.createFrom().item(List.of());
        }
        List<TimeWindow> busy = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> checked = emails.stream().filter(email -> !(allowOwnConflicts && email.equalsIgnoreCase(actorEmail))).distinct().toList();
        Uni<Void> chain = bookings.bookedTimesOfAddresses(checked, window).invoke(busy::addAll).replaceWithVoid();
        if (!allowOwnConflicts) {
            chain = chain.chain(() -> ownCalendar(actorId, window, null, busy, warnings));
        }
        return chain.map(ignored -> {
            List<TimeWindow> clashes = BusyTimes.clashingWith(window, busy);
            if (!clashes.isEmpty()) {
                throw new CalendarConflictException(clashes);
            }
            return List.copyOf(warnings);
        });
    }

    /**
     * Everything that makes {@code userId} busy within {@code range}: their booked sessions and, when connected, their
     * Google busy times (none when Google does not answer).
     */
    public Uni<List<TimeWindow>> busyTimesOf(String userId, TimeWindow range) {
        if (bookings == null) {
            return Uni.createFrom().item(List.of());
        }
        List<TimeWindow> busy = new ArrayList<>();
        return bookings.bookedTimes(List.of(userId), range, null).invoke(busy::addAll)
                .chain(() -> connections.load(userId))
                .chain(connection -> asks(connection) ? calendars.busyTimes(userId, range)
                        : Uni.createFrom().item((CalendarBusyPort.Answer) null))
                .map(answer -> {
                    if (answer instanceof CalendarBusyPort.Busy known) {
                        busy.addAll(known.times());
                    }
                    return List.copyOf(busy);
                });
    }

    private Uni<Void> ownCalendar(String actorId, TimeWindow window, TimeWindow ownEvent, List<TimeWindow> busy, List<String> warnings) {
        return connections.load(actorId).chain(connection -> {
            if (!asks(connection)) {
                return Uni.createFrom().voidItem();
            }
            return calendars.busyTimes(actorId, window).chain(answer -> {
                if (answer instanceof CalendarBusyPort.Busy known) {
                    known.times().stream().filter(t -> !t.equals(ownEvent)).forEach(busy::add);
                    return Uni.createFrom().voidItem();
                }
                if (answer instanceof CalendarBusyPort.Unavailable unavailable) {
                    warnings.add(CALENDAR_UNAVAILABLE);
                    return audit.recordEntity(actorId, "calendar_check_skipped", "calendar", actorId, null,
                            new SkippedCheck(window.start() + "/" + window.end(), unavailable.reason()));
                }
                return Uni.createFrom().voidItem();
            });
        });
    }

    /** A stored "revoked" or "disconnected" is believed; no stored state is asked about when the gate is on. */
    private boolean asks(java.util.Optional<io.schedulr.scheduling.domain.CalendarConnection> stored) {
        return stored.map(io.schedulr.scheduling.domain.CalendarConnection::connected).orElse(askWithoutStoredConnection);
    }
}
