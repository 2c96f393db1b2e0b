package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.CalendarBusyPort;
import io.schedulr.scheduling.application.port.out.FindBookingsPort;
import io.schedulr.scheduling.application.port.out.LoadCalendarConnectionPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.BusyTimes;
import io.schedulr.scheduling.domain.CalendarConnection;
import io.schedulr.scheduling.domain.CalendarConflictException;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.TimeWindow;
import io.schedulr.scheduling.domain.interview.Interview;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

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
    public record SkippedCheck(String person, String window, String reason) {
    }

    /**
     * A check's question to Google, worked out before its transaction: whom the check covers ({@code checked}), at what
     * time, which event of the session itself they may show ({@code ownEvent}, may be null), and of them whose calendars
     * are asked.
     */
    public record GoogleQuestion(String actorId, Set<String> checked, TimeWindow window, TimeWindow ownEvent, List<String> asked) {
        boolean covers(String actorId, Set<String> checked, TimeWindow window, TimeWindow ownEvent) {
            return this.actorId.equals(actorId) && this.checked.equals(checked) && this.window.equals(window)
                    && java.util.Objects.equals(this.ownEvent, ownEvent);
        }
    }

    /**
     * What Google said: busy times (the session's own event left out), those of people other than the actor among them,
     * the warning, and the checks skipped, to audit.
     */
    public record GoogleAnswers(GoogleQuestion question, List<TimeWindow> busy, List<TimeWindow> busyOfOthers, List<String> warnings,
                                List<SkippedCheck> skipped) {
    }

    /**
     * An interview being moved: its own booking here, and the event the team's Google calendars show for it at its current
     * time ({@code shownAt}), are no clash for its new time.
     */
    public record MovedInterview(UUID id, TimeWindow shownAt) {
        /** The interview as moved when it is booked (sent and not cancelled); null for a draft, which nothing counts yet. */
        public static MovedInterview ifBooked(Interview interview) {
            return interview.bookedTime().map(booked -> new MovedInterview(interview.id(), booked)).orElse(null);
        }

        static UUID idOf(MovedInterview moved) {
            return moved == null ? null : moved.id();
        }

        static TimeWindow shownAtOf(MovedInterview moved) {
            return moved == null ? null : moved.shownAt();
        }
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
     * Step 1 of a check before the transaction, in a reading session: whom the check covers and whose Google calendars
     * are asked about (the stored connections, one lookup for all).
     */
    public Uni<GoogleQuestion> prepare(String actorId, boolean allowOwnConflicts, TimeWindow window, List<String> people, TimeWindow ownEvent) {
        Set<String> checked = checkedPeople(actorId, allowOwnConflicts, people);
        if (bookings == null || checked.isEmpty()) {
            return Uni.createFrom().item(new GoogleQuestion(actorId, checked, window, ownEvent, List.of()));
        }
        return connections.loadAll(checked).map(stored -> new GoogleQuestion(actorId, checked, window, ownEvent,
                checked.stream().filter(person -> asks(java.util.Optional.ofNullable(stored.get(person)))).toList()));
    }

    /**
     * Step 2, outside any transaction and session: calendar-sync-service asked about everyone at once. Never fails for
     * Google: a calendar that does not answer is a warning and a skipped check.
     */
    public Uni<GoogleAnswers> ask(GoogleQuestion question) {
        if (question.asked().isEmpty()) {
            return Uni.createFrom().item(new GoogleAnswers(question, List.of(), List.of(), List.of(), List.of()));
        }
        List<Uni<CalendarBusyPort.Answer>> questions = question.asked().stream()
                .map(person -> calendars.busyTimes(person, question.window())).toList();
        return Uni.join().all(questions).andFailFast().map(answers -> {
            List<TimeWindow> busy = new ArrayList<>();
            List<TimeWindow> busyOfOthers = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            List<SkippedCheck> skipped = new ArrayList<>();
            for (int i = 0; i < question.asked().size(); i++) {
                String person = question.asked().get(i);
                CalendarBusyPort.Answer answer = answers.get(i);
                if (answer instanceof CalendarBusyPort.Busy known) {
                    List<TimeWindow> times = withoutOwnEvent(known.times(), question.ownEvent());
                    busy.addAll(times);
                    if (!person.equals(question.actorId())) {
                        busyOfOthers.addAll(times);
                    }
                } else if (answer instanceof CalendarBusyPort.Unavailable unavailable) {
                    if (warnings.isEmpty()) {
                        warnings.add(CALENDAR_UNAVAILABLE);
                    }
                    skipped.add(new SkippedCheck(person, question.window().start() + "/" + question.window().end(), unavailable.reason()));
                }
            }
            return new GoogleAnswers(question, List.copyOf(busy), List.copyOf(busyOfOthers), List.copyOf(warnings), List.copyOf(skipped));
        });
    }

    /**
     * Google's busy times without the moving session's or interview's own event. Google answers merged intervals cut to
     * the window asked about, so a move by less than its length sees only part of its own event (10:30–11:00 of a
     * 10:00–11:00 session moved to 10:30): what lies within the own event's time is left out, not only an exact match.
     */
    private static List<TimeWindow> withoutOwnEvent(List<TimeWindow> busy, TimeWindow ownEvent) {
        return ownEvent == null ? busy : busy.stream().flatMap(t -> t.minus(ownEvent).stream()).toList();
    }

    /**
     * Step 3, inside the transaction: the skipped Google checks audited, then the people held and their commitments here
     * read. Google's answers are taken from {@code answered} when it was asked about exactly this check (same actor,
     * people, time and own event); otherwise — the room changed between the steps, or nothing was asked beforehand —
     * Google is asked here.
     *
     * @param people   everyone taking part (the actor among them or not)
     * @param except   the room being changed, whose own booking is no clash (may be null)
     * @param ownEvent the time the Google calendars of the people already show for this very session (may be null)
     * @param answered what Google said, asked before the transaction (may be null)
     * @return the warnings to answer with (empty, or {@link #CALENDAR_UNAVAILABLE})
     */
    public Uni<List<String>> require(String actorId, boolean allowOwnConflicts, TimeWindow window, List<String> people, RoomId except,
                                     TimeWindow ownEvent, GoogleAnswers answered) {
        if (bookings == null) {
            return Uni.createFrom().item(List.of());
        }
        Set<String> checked = checkedPeople(actorId, allowOwnConflicts, people);
        Uni<GoogleAnswers> google = answered != null && answered.question().covers(actorId, checked, window, ownEvent)
                ? Uni.createFrom().item(answered)
                : prepare(actorId, allowOwnConflicts, window, people, ownEvent).chain(this::ask);
        // Google first: the hold on the people (kept until the transaction ends) then covers only the short rest.
        return google.call(answers -> auditSkipped(actorId, answers.skipped()))
                .chain(answers -> bookings.heldBookedTimes(checked, window, except).chain(booked -> {
                    List<TimeWindow> busy = new ArrayList<>(answers.busy());
                    busy.addAll(booked);
                    return refuseClashes(window, busy, answers.warnings(), !checked.contains(actorId) ? null
                            : () -> bookings.bookedTimes(othersThan(checked, actorId), window, except)
                            .map(othersBooked -> concat(answers.busyOfOthers(), othersBooked)));
                }));
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
                .chain(busy -> refuseClashes(window, busy, List.of(), !checked.contains(actorId) ? null
                        : () -> bookings.bookedTimes(othersThan(checked, actorId), window, except)))
                .replaceWithVoid();
    }


    /**
     * Step 1 of an interview team's check before the transaction, in a reading session. The team is known by address:
     * every member's booked sessions here count, and the Google calendars of the members who sign in here and of the
     * actor; {@code allowOwnConflicts} leaves out the actor's own address and calendar. Finds the members by address and
     * whose Google calendars are asked; the question covers the team by address.
     */
    public Uni<GoogleQuestion> prepareForTeam(String actorId, String actorEmail, boolean allowOwnConflicts, TimeWindow window,
                                              List<String> emails) {
        return prepareForTeam(actorId, actorEmail, allowOwnConflicts, window, emails, null);
    }

    /** As {@link #prepareForTeam(String, String, boolean, TimeWindow, List)} for an interview being moved (may be null). */
    public Uni<GoogleQuestion> prepareForTeam(String actorId, String actorEmail, boolean allowOwnConflicts, TimeWindow window,
                                              List<String> emails, MovedInterview moved) {
        List<String> checked = teamAddresses(actorEmail, allowOwnConflicts, emails);
        TimeWindow ownEvent = MovedInterview.shownAtOf(moved);
        if (bookings == null) {
            return Uni.createFrom().item(new GoogleQuestion(actorId, new LinkedHashSet<>(checked), window, ownEvent, List.of()));
        }
        return (checked.isEmpty() ? Uni.createFrom().item(List.<String>of()) : users.idsByAddress(checked).map(ids -> List.copyOf(ids.values())))
                .chain(memberIds -> {
                    Set<String> calendarsOf = new LinkedHashSet<>();
                    if (!allowOwnConflicts) {
                        calendarsOf.add(actorId);
                    }
                    memberIds.stream().filter(id -> !(allowOwnConflicts && id.equals(actorId))).forEach(calendarsOf::add);
                    return calendarsOf.isEmpty() ? Uni.createFrom().item(List.<String>of())
                            : connections.loadAll(calendarsOf).map(stored -> calendarsOf.stream()
                            .filter(person -> asks(java.util.Optional.ofNullable(stored.get(person)))).toList());
                })
                .map(asked -> new GoogleQuestion(actorId, new LinkedHashSet<>(checked), window, ownEvent, asked));
    }

    /**
     * Step 3 of a team's check, inside the transaction: as {@link #require(String, boolean, TimeWindow, List, RoomId,
     * TimeWindow, GoogleAnswers)}, the team held and read by address.
     */
    public Uni<List<String>> requireForTeam(String actorId, String actorEmail, boolean allowOwnConflicts, TimeWindow window,
                                            List<String> emails, GoogleAnswers answered) {
        return requireForTeam(actorId, actorEmail, allowOwnConflicts, window, emails, null, answered);
    }

    /** As {@link #requireForTeam(String, String, boolean, TimeWindow, List, GoogleAnswers)} for an interview being moved (may be null). */
    public Uni<List<String>> requireForTeam(String actorId, String actorEmail, boolean allowOwnConflicts, TimeWindow window,
                                            List<String> emails, MovedInterview moved, GoogleAnswers answered) {
        if (bookings == null) {
            return Uni.createFrom().item(List.of());
        }
        List<String> checked = teamAddresses(actorEmail, allowOwnConflicts, emails);
        UUID except = MovedInterview.idOf(moved);
        Uni<GoogleAnswers> google = answered != null
                && answered.question().covers(actorId, new LinkedHashSet<>(checked), window, MovedInterview.shownAtOf(moved))
                ? Uni.createFrom().item(answered)
                : prepareForTeam(actorId, actorEmail, allowOwnConflicts, window, emails, moved).chain(this::ask);
        return google.call(answers -> auditSkipped(actorId, answers.skipped()))
                .call(() -> bookings.holdAddresses(checked, window))
                .chain(answers -> bookings.bookedTimesOfAddresses(checked, window, except).chain(booked -> {
                    List<TimeWindow> busy = new ArrayList<>(answers.busy());
                    busy.addAll(booked);
                    List<String> others = checked.stream().filter(email -> !email.equalsIgnoreCase(actorEmail)).toList();
                    return refuseClashes(window, busy, answers.warnings(), allowOwnConflicts ? null
                            : () -> bookings.bookedTimesOfAddresses(others, window, except)
                            .map(othersBooked -> concat(answers.busyOfOthers(), othersBooked)));
                }));
    }

    /**
     * Everything that makes an interview team busy within {@code range}, as a send's check counts it (the actor's own
     * clashes included): the members' booked sessions here, by address, and the Google busy times of the actor and of
     * the members who sign in here (none from a calendar that does not answer); for an interview being moved ({@code moved},
     * may be null) without the interview itself. Read outside any transaction; Google is asked after the reading session
     * has given its connection back.
     */
    public Uni<List<TimeWindow>> teamBusyTimes(UnitOfWork tx, String actorId, String actorEmail, List<String> emails, TimeWindow range,
                                               MovedInterview moved) {
        if (bookings == null) {
            return Uni.createFrom().item(List.of());
        }
        List<TimeWindow> busy = new ArrayList<>();
        List<String> team = teamAddresses(actorEmail, false, emails);
        UUID except = MovedInterview.idOf(moved);
        return tx.reading(() -> (team.isEmpty() ? Uni.createFrom().voidItem() : bookings.bookedTimesOfAddresses(team, range, except)
                        .invoke(busy::addAll).replaceWithVoid())
                        .chain(() -> prepareForTeam(actorId, actorEmail, false, range, emails, moved)))
                .chain(this::ask)
                .map(answers -> {
                    busy.addAll(answers.busy());
                    return List.copyOf(busy);
                });
    }

    /** How many members' Google calendars {@link #busyTimesOfMembers} asks about at once. */
    static final int GOOGLE_ASKED_AT_ONCE = 8;

    /** Whether a member's Google calendars are in their busy times. */
    public enum GoogleCalendar {
        /** Google answered: its busy times are in. */
        READ,
        /** The member has no usable connection here (or never signed in here): only their commitments here are known. */
        NOT_CONNECTED,
        /** Google or calendar-sync-service did not answer now. */
        NOT_ANSWERING,
        /** Wired without the conflict rules: nothing was read. */
        NOT_CHECKED
    }

    /** One member's busy times within a range, sorted, overlapping ones as one, and whether their Google calendars are in them. */
    public record MemberBusy(List<TimeWindow> busy, GoogleCalendar google) {
    }

    /**
     * Each team member's own busy times within {@code range}, by their address as given: their booked sessions and interviews
     * here, and their Google busy times when they sign in here with a usable connection (asked {@value #GOOGLE_ASKED_AT_ONCE}
     * at a time, after the reading session has given its connection back). For showing who is free, not for refusing: a calendar that does not
     * answer is said so, not audited.
     */
    public Uni<Map<String, MemberBusy>> busyTimesOfMembers(UnitOfWork tx, List<String> emails, TimeWindow range) {
        Map<String, MemberBusy> none = new LinkedHashMap<>();
        if (bookings == null || emails.isEmpty()) {
            emails.forEach(email -> none.put(email, new MemberBusy(List.of(), GoogleCalendar.NOT_CHECKED)));
            return Uni.createFrom().item(none);
        }
        record Read(Map<String, List<TimeWindow>> booked, Map<String, String> ids, Map<String, CalendarConnection> connections) {
        }
        return tx.reading(() -> bookings.bookedTimesByAddress(emails, range).chain(booked -> users.idsByAddress(emails)
                        .chain(ids -> (ids.isEmpty() ? Uni.createFrom().item(Map.<String, CalendarConnection>of()) : connections.loadAll(ids.values()))
                                .map(stored -> new Read(booked, ids, stored)))))
                .chain(read -> {
                    List<String> asked = emails.stream().map(ConflictCheck::lower).filter(read.ids()::containsKey).distinct()
                            .filter(address -> asks(Optional.ofNullable(read.connections().get(read.ids().get(address))))).toList();
                    // A few at a time: a team of many must not send calendar-sync-service (and Google) a burst of requests.
                    Uni<Map<String, CalendarBusyPort.Answer>> answers = Multi.createFrom().iterable(asked)
                            .onItem().transformToUni(address -> calendars.busyTimes(read.ids().get(address), range).map(a -> Map.entry(address, a)))
                            .merge(GOOGLE_ASKED_AT_ONCE)
                            .collect().asMap(Map.Entry::getKey, Map.Entry::getValue);
                    return answers.map(answered -> {
                        Map<String, MemberBusy> byMember = new LinkedHashMap<>();
                        for (String email : emails) {
                            String address = lower(email);
                            List<TimeWindow> busy = new ArrayList<>(read.booked().getOrDefault(address, List.of()));
                            CalendarBusyPort.Answer answer = answered.get(address);
                            GoogleCalendar google = GoogleCalendar.NOT_CONNECTED;
                            if (answer instanceof CalendarBusyPort.Busy known) {
                                busy.addAll(known.times());
                                google = GoogleCalendar.READ;
                            } else if (answer instanceof CalendarBusyPort.Unavailable) {
                                google = GoogleCalendar.NOT_ANSWERING;
                            }
                            byMember.put(email, new MemberBusy(BusyTimes.clashingWith(range, busy), google));
                        }
                        return byMember;
                    });
                });
    }

    private static String lower(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    private static List<String> teamAddresses(String actorEmail, boolean allowOwnConflicts, List<String> emails) {
        return emails.stream().filter(email -> !(allowOwnConflicts && email.equalsIgnoreCase(actorEmail))).distinct().toList();
    }

    /**
     * Everything that makes {@code userId} busy within {@code range}: their booked sessions and, when connected, their
     * Google busy times (none when Google does not answer). Read outside any transaction; Google is asked after the
     * reading session has given its connection back.
     */
    public Uni<List<TimeWindow>> busyTimesOf(UnitOfWork tx, String userId, TimeWindow range) {
        return busyLookOf(tx, userId, range).map(BusyLook::busy);
    }

    /** What {@link #busyTimesOf} found, and the Google check it had to skip (Google did not answer; empty otherwise). */
    public record BusyLook(List<TimeWindow> busy, List<SkippedCheck> skipped) {
    }

    /** As {@link #busyTimesOf}, also telling whether Google's part was skipped, for a change to audit it. */
    public Uni<BusyLook> busyLookOf(UnitOfWork tx, String userId, TimeWindow range) {
        if (bookings == null) {
            return Uni.createFrom().item(new BusyLook(List.of(), List.of()));
        }
        List<TimeWindow> busy = new ArrayList<>();
        return tx.reading(() -> bookings.bookedTimes(List.of(userId), range, null).invoke(busy::addAll)
                        .chain(() -> connections.load(userId)))
                .chain(connection -> asks(connection) ? calendars.busyTimes(userId, range)
                        : Uni.createFrom().item((CalendarBusyPort.Answer) null))
                .map(answer -> {
                    if (answer instanceof CalendarBusyPort.Busy known) {
                        busy.addAll(known.times());
                    }
                    List<SkippedCheck> skipped = answer instanceof CalendarBusyPort.Unavailable unavailable
                            ? List.of(new SkippedCheck(userId, range.start() + "/" + range.end(), unavailable.reason()))
                            : List.of();
                    return new BusyLook(List.copyOf(busy), skipped);
                });
    }

    /** The audit rows {@code calendar_check_skipped} of a change that went ahead without these Google checks. */
    public Uni<Void> auditSkipped(String actorId, List<SkippedCheck> skipped) {
        Uni<Void> audited = Uni.createFrom().voidItem();
        for (SkippedCheck check : skipped) {
            audited = audited.chain(() -> audit.recordEntity(actorId, "calendar_check_skipped", "calendar", check.person(), null, check));
        }
        return audited;
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

    /**
     * The warnings when nothing clashes; otherwise the refusal, which says whether the clashes are all the actor's own:
     * {@code busyOfOthers} (null when the actor's own calendar was not checked) is read only then, so a check that passes
     * costs nothing more.
     */
    private static Uni<List<String>> refuseClashes(TimeWindow window, List<TimeWindow> busy, List<String> warnings,
                                                   Supplier<Uni<List<TimeWindow>>> busyOfOthers) {
        List<TimeWindow> clashes = BusyTimes.clashingWith(window, busy);
        if (clashes.isEmpty()) {
            return Uni.createFrom().item(List.copyOf(warnings));
        }
        Uni<Boolean> ownOnly = busyOfOthers == null ? Uni.createFrom().item(false)
                : busyOfOthers.get().map(others -> BusyTimes.clashingWith(window, others).isEmpty());
        return ownOnly.chain(own -> Uni.createFrom().failure(new CalendarConflictException(clashes, own)));
    }

    private static List<String> othersThan(Set<String> checked, String actorId) {
        return checked.stream().filter(person -> !person.equals(actorId)).toList();
    }

    private static List<TimeWindow> concat(List<TimeWindow> first, List<TimeWindow> second) {
        List<TimeWindow> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** A stored "revoked" or "disconnected" is believed; no stored state is asked about when the gate is on. */
    private boolean asks(java.util.Optional<io.schedulr.scheduling.domain.CalendarConnection> stored) {
        return stored.map(io.schedulr.scheduling.domain.CalendarConnection::connected).orElse(askWithoutStoredConnection);
    }
}
