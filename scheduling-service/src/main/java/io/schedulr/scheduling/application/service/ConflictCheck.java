package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.CalendarBusyPort;
import io.schedulr.scheduling.application.port.out.FindBookingsPort;
import io.schedulr.scheduling.application.port.out.LoadCalendarConnectionPort;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
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
 * Refuses a time that clashes with what the people taking part already have: every person's booked rooms and interviews in
 * this app, and every person's Google calendars when they are connected (calendar-sync-service answers about the actor
 * with the actor's own token, about anyone else through its service-to-service route). {@code allowOwnConflicts} lets
 * the actor ignore their own calendar and bookings, never anyone else's. Google not answering never blocks: the check of
 * that calendar is skipped, audited, and answered as the warning {@link #CALENDAR_UNAVAILABLE}.
 */
public class ConflictCheck {
    public static final String CALENDAR_UNAVAILABLE = "calendar_unavailable";

    /** What was checked, for the audit row of a skipped Google check: whose calendar, when, and why it was skipped. */
    record SkippedCheck(String person, String window, String reason) {
    }

    private final FindBookingsPort bookings;
    private final CalendarBusyPort calendars;
    private final LoadCalendarConnectionPort connections;
    private final UserDirectoryPort users;
    private final AuditTrailPort audit;
    private final boolean askWithoutStoredConnection;

    public ConflictCheck(FindBookingsPort bookings, CalendarBusyPort calendars, LoadCalendarConnectionPort connections, UserDirectoryPort users,
                         AuditTrailPort audit) {
        this(bookings, calendars, connections, users, audit, false);
    }

    /**
     * @param askWithoutStoredConnection ask calendar-sync-service even when no connection is stored here yet (with the
     *                                   calendar gate on, everyone who writes is connected; the announcement of a fresh
     *                                   connection may simply not have arrived)
     */
    public ConflictCheck(FindBookingsPort bookings, CalendarBusyPort calendars, LoadCalendarConnectionPort connections, UserDirectoryPort users,
                         AuditTrailPort audit, boolean askWithoutStoredConnection) {
        this.askWithoutStoredConnection = askWithoutStoredConnection;
        this.bookings = bookings;
        this.calendars = calendars;
        this.connections = connections;
        this.users = users;
        this.audit = audit;
    }

    /** A check that finds nothing: for wiring without the conflict rules (and tests of other rules). */
    public static ConflictCheck none() {
        return new ConflictCheck(null, null, null, null, null);
    }

    /**
     * @param people          everyone taking part (the actor among them or not)
     * @param except          the room being changed, whose own booking is no clash (may be null)
     * @param ownEvent        the time the Google calendars of the people already show for this very session (may be null)
     * @return the warnings to answer with (empty, or {@link #CALENDAR_UNAVAILABLE})
     */
    public Uni<List<String>> require(String actorId, boolean allowOwnConflicts, TimeWindow window, List<String> people, RoomId except,
                                     TimeWindow ownEvent) {
        if (bookings == null) {
            return Uni.createFrom().item(List.of());
        }
        Set<String> checked = checkedPeople(actorId, allowOwnConflicts, people);
        List<TimeWindow> busy = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        // Google first: the hold on the people (kept until the transaction ends) then covers only the short rest.
        return googleCalendars(actorId, checked, window, ownEvent, busy, warnings)
                .chain(() -> bookings.heldBookedTimes(checked, window, except)).invoke(busy::addAll)
                .map(ignored -> refuseClashes(window, busy, warnings));
    }

    /**
     * The commitments in this app only, under the hold on the people: for a change whose full check ran in an earlier
     * transaction (booking a slot checks, then makes the video room, then books) and must not race another booking.
     */
    public Uni<Void> requireCommitments(String actorId, boolean allowOwnConflicts, TimeWindow window, List<String> people, RoomId except) {
        if (bookings == null) {
            return Uni.createFrom().voidItem();
        }
        Set<String> checked = checkedPeople(actorId, allowOwnConflicts, people);
        return bookings.heldBookedTimes(checked, window, except)
                .invoke(busy -> refuseClashes(window, busy, List.of()))
                .replaceWithVoid();
    }

    /**
     * An interview's team, known by address: every member's booked sessions here, and the Google calendars of the members
     * who sign in here and of the actor; {@code allowOwnConflicts} leaves out the actor's own address and calendar.
     */
    public Uni<List<String>> requireForTeam(String actorId, String actorEmail, boolean allowOwnConflicts, TimeWindow window,
                                            List<String> emails) {
        if (bookings == null) {
            return Uni.createFrom().item(List.of());
        }
        List<TimeWindow> busy = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> checked = emails.stream().filter(email -> !(allowOwnConflicts && email.equalsIgnoreCase(actorEmail))).distinct().toList();
        return (checked.isEmpty() ? Uni.createFrom().item(List.<String>of()) : users.idsOfAddresses(checked))
                .chain(memberIds -> {
                    Set<String> calendarsOf = new LinkedHashSet<>();
                    if (!allowOwnConflicts) {
                        calendarsOf.add(actorId);
                    }
                    memberIds.stream().filter(id -> !(allowOwnConflicts && id.equals(actorId))).forEach(calendarsOf::add);
                    return googleCalendars(actorId, calendarsOf, window, null, busy, warnings);
                })
                .chain(() -> bookings.holdAddresses(checked, window))
                .chain(() -> bookings.bookedTimesOfAddresses(checked, window)).invoke(busy::addAll)
                .map(ignored -> refuseClashes(window, busy, warnings));
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

    /**
     * The Google busy times of everyone in {@code people} who is (or, with the gate on, may be) connected: the stored
     * connections first (one lookup for all), then calendar-sync-service about all of them at once.
     */
    private Uni<Void> googleCalendars(String actorId, Set<String> people, TimeWindow window, TimeWindow ownEvent, List<TimeWindow> busy,
                                      List<String> warnings) {
        List<String> asked = new ArrayList<>();
        Uni<Void> loaded = people.isEmpty() ? Uni.createFrom().voidItem() : connections.loadAll(people).invoke(stored -> {
            for (String person : people) {
                if (asks(java.util.Optional.ofNullable(stored.get(person)))) {
                    asked.add(person);
                }
            }
        }).replaceWithVoid();
        return loaded.chain(() -> {
            if (asked.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<Uni<CalendarBusyPort.Answer>> questions = asked.stream().map(person -> calendars.busyTimes(person, window)).toList();
            return Uni.join().all(questions).andFailFast().chain(answers -> {
                Uni<Void> audited = Uni.createFrom().voidItem();
                for (int i = 0; i < asked.size(); i++) {
                    String person = asked.get(i);
                    CalendarBusyPort.Answer answer = answers.get(i);
                    if (answer instanceof CalendarBusyPort.Busy known) {
                        known.times().stream().filter(t -> !t.equals(ownEvent)).forEach(busy::add);
                    } else if (answer instanceof CalendarBusyPort.Unavailable unavailable) {
                        if (!warnings.contains(CALENDAR_UNAVAILABLE)) {
                            warnings.add(CALENDAR_UNAVAILABLE);
                        }
                        audited = audited.chain(() -> audit.recordEntity(actorId, "calendar_check_skipped", "calendar", person, null,
                                new SkippedCheck(person, window.start() + "/" + window.end(), unavailable.reason())));
                    }
                }
                return audited;
            });
        });
    }

    private static Set<String> checkedPeople(String actorId, boolean allowOwnConflicts, List<String> people) {
        Set<String> checked = new LinkedHashSet<>();
        for (String person : people) {
            if (person != null && !(allowOwnConflicts && person.equals(actorId))) {
                checked.add(person);
            }
        }
        return checked;
    }

    private static List<String> refuseClashes(TimeWindow window, List<TimeWindow> busy, List<String> warnings) {
        List<TimeWindow> clashes = BusyTimes.clashingWith(window, busy);
        if (!clashes.isEmpty()) {
            throw new CalendarConflictException(clashes);
        }
        return List.copyOf(warnings);
    }

    /** A stored "revoked" or "disconnected" is believed; no stored state is asked about when the gate is on. */
    private boolean asks(java.util.Optional<io.schedulr.scheduling.domain.CalendarConnection> stored) {
        return stored.map(io.schedulr.scheduling.domain.CalendarConnection::connected).orElse(askWithoutStoredConnection);
    }
}
