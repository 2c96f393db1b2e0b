package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.ApplyCalcomBookingUseCase;
import io.schedulr.scheduling.application.port.in.interview.InterviewFlowUseCase.GuestInput;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayException;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort;
import io.schedulr.scheduling.domain.ConflictException;
import io.schedulr.scheduling.domain.ForbiddenActionException;
import io.schedulr.scheduling.domain.NotFoundException;
import io.schedulr.scheduling.domain.UserProfile;
import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.CalcomBookingChange;
import io.schedulr.scheduling.domain.interview.Contact;
import io.schedulr.scheduling.domain.interview.InterviewAnnouncement;
import io.schedulr.scheduling.domain.interview.InterviewChange;
import io.schedulr.scheduling.domain.interview.InterviewStatus;
import io.schedulr.scheduling.domain.interview.Startup;
import io.schedulr.scheduling.domain.interview.TeamMember;
import io.schedulr.scheduling.application.port.out.FindBookingsPort;
import io.schedulr.scheduling.domain.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The interview use cases with in-memory ports: the flow, sending once, and Cal.com's changes. */
class InterviewServicesTest {
    private static final Instant NOW = InterviewWorld.NOW;
    private static final Instant START = InterviewWorld.START;

    private final InterviewWorld world = new InterviewWorld();
    private final InMemoryTeam team = world.team;
    private final InMemoryInterviews store = world.store;
    private final Clock clock = world.clock;
    private final Actor ada = world.ada;
    private final Actor ben = world.ben;
    private final Actor stranger = new Actor(new UserProfile("eve", "eve@else.test", "Eve", "UTC"), false);
    private final InterviewFlowService flow = world.flow;
    private final SendInterviewService sending = world.sending;
    private final ApplyCalcomBookingService lifecycle = world.lifecycle;
    private final TeamMember adaMember = world.adaMember;
    private final TeamMember benMember = world.benMember;
    private final Startup acme = world.acme;
    private final Contact grace = world.grace;

    private UUID ready() {
        return world.ready();
    }

    @Test
    void aGuestWhoIsTheContactOrOnTheTeamIsRefusedNamingWhoTheyAre() {
        UUID id = ready();

        assertThatThrownBy(() -> flow.chooseGuests(ada, id, List.of(new GuestInput("Grace again", "GRACE@acme.test", null, null, null)))
                .await().indefinitely()).hasFieldOrPropertyWithValue("code", "duplicate_guest").hasMessageContaining("startup's contact");
        assertThatThrownBy(() -> flow.chooseGuests(ada, id, List.of(new GuestInput("Ben", "ben@fund.test", null, null, null)))
                .await().indefinitely()).hasFieldOrPropertyWithValue("code", "duplicate_guest").hasMessageContaining("Ben on the team");
        assertThatThrownBy(() -> flow.chooseGuests(ada, id, List.of(new GuestInput(null, null, null, null, grace.id())))
                .await().indefinitely()).hasFieldOrPropertyWithValue("code", "duplicate_guest");
    }

    @Test
    void sendingBooksOnceAndAnnouncesEveryoneInOrder() {
        UUID id = ready();
        var sent = sending.send(ada, id).await().indefinitely();
        assertThat(sent.interview().status()).isEqualTo(InterviewStatus.SCHEDULED);
        assertThat(store.bookings).hasSize(1);
        assertThat(store.bookings.get(0).attendee().email()).isEqualTo("grace@acme.test");
        assertThat(store.bookings.get(0).guests()).containsExactly("olive@vc.test");
        assertThat(store.announced).hasSize(1);
        InterviewAnnouncement a = store.announced.get(0);
        assertThat(a.change()).isEqualTo(InterviewChange.SCHEDULED);
        assertThat(a.title()).isEqualTo("Interview: Acme");
        assertThat(a.people()).extracting(InterviewAnnouncement.Participant::kind).containsExactly(InterviewAnnouncement.Kind.PRIMARY_INTERVIEWER,
                InterviewAnnouncement.Kind.TEAM_MEMBER, InterviewAnnouncement.Kind.CONTACT, InterviewAnnouncement.Kind.GUEST);

        sending.send(ada, id).await().indefinitely();
        assertThat(store.bookings).hasSize(1);
        assertThat(store.announced).hasSize(1);
        assertThat(team.audit()).extracting(InMemoryTeam.AuditRow::action).contains("interview.created", "interview.sending", "interview.sent");
    }

    @Test
    void aTeamMembersBookedSessionAtThatTimeStopsTheSendingAndOnlyTheSendersOwnClashMayBeIgnored() {
        Interviews interviews = new Interviews(store, team, team.startups(), team.contactStore(), team, store);
        java.util.Map<String, List<io.schedulr.scheduling.domain.TimeWindow>> booked = new java.util.HashMap<>();
        FindBookingsPort bookings = bookingsByAddress(booked);
        io.schedulr.scheduling.application.service.ConflictCheck conflicts = new io.schedulr.scheduling.application.service.ConflictCheck(
                bookings, (user, window) -> io.smallrye.mutiny.Uni.createFrom().item(new io.schedulr.scheduling.application.port.out.CalendarBusyPort.NotConnected()),
                user -> io.smallrye.mutiny.Uni.createFrom().item(Optional.empty()), team, team);
        SendInterviewService checked = new SendInterviewService(team, interviews, store, conflicts, clock);
        UUID id = ready();
        io.schedulr.scheduling.domain.TimeWindow bensSession = new io.schedulr.scheduling.domain.TimeWindow(START.plusSeconds(600), START.plusSeconds(4200));
        booked.put("ben@fund.test", List.of(bensSession));

        assertThatThrownBy(() -> checked.send(ada, id, true).await().indefinitely())
                .isInstanceOfSatisfying(io.schedulr.scheduling.domain.CalendarConflictException.class,
                        e -> assertThat(e.conflicts()).containsExactly(bensSession));
        assertThat(store.bookings).isEmpty();
        assertThat(store.interviews.get(id).sendingSince()).as("the draft is not claimed").isNull();

        booked.clear();
        booked.put("ada@fund.test", List.of(bensSession));
        assertThatThrownBy(() -> checked.send(ada, id).await().indefinitely()).isInstanceOf(io.schedulr.scheduling.domain.CalendarConflictException.class);
        assertThat(checked.send(ada, id, true).await().indefinitely().interview().status()).isEqualTo(InterviewStatus.SCHEDULED);
    }

    @Test
    void theSendersGoogleCalendarIsAskedBeforeTheSendingsTransactionAndABusyTimeThereStopsIt() {
        Interviews interviews = new Interviews(store, team, team.startups(), team.contactStore(), team, store);
        List<Boolean> askedInTransaction = new java.util.ArrayList<>();
        List<io.schedulr.scheduling.domain.TimeWindow> adasGoogle = new java.util.ArrayList<>();
        FindBookingsPort nothingBooked = bookingsByAddress(java.util.Map.of());
        io.schedulr.scheduling.application.port.out.CalendarBusyPort google = (user, window) -> {
            askedInTransaction.add(team.inTransaction);
            return io.smallrye.mutiny.Uni.createFrom().item(new io.schedulr.scheduling.application.port.out.CalendarBusyPort.Busy(List.copyOf(adasGoogle)));
        };
        io.schedulr.scheduling.domain.CalendarConnection connected = new io.schedulr.scheduling.domain.CalendarConnection("ada",
                io.schedulr.scheduling.domain.CalendarConnectionStatus.CONNECTED, null, "cal-ada", NOW);
        SendInterviewService checked = new SendInterviewService(team, interviews, store, new io.schedulr.scheduling.application.service.ConflictCheck(
                nothingBooked, google, user -> io.smallrye.mutiny.Uni.createFrom().item(Optional.of(connected)), team, team), clock);
        UUID id = ready();
        adasGoogle.add(new io.schedulr.scheduling.domain.TimeWindow(START, START.plusSeconds(600)));

        assertThatThrownBy(() -> checked.send(ada, id).await().indefinitely()).isInstanceOf(io.schedulr.scheduling.domain.CalendarConflictException.class);
        assertThat(store.interviews.get(id).sendingSince()).as("the draft is not claimed").isNull();
        adasGoogle.clear();
        assertThat(checked.send(ada, id).await().indefinitely().interview().status()).isEqualTo(InterviewStatus.SCHEDULED);
        assertThat(askedInTransaction).as("asked once per sending, never inside its transaction").containsExactly(false, false);
    }

    @Test
    void aDefiniteRefusalReleasesTheDraftAnUnknownOutcomeHoldsIt() {
        UUID id = ready();
        store.failures.add(new CalcomGatewayException(422, "calcom_rejected", "slot taken", null));
        assertThatThrownBy(() -> sending.send(ada, id).await().indefinitely()).isInstanceOf(CalcomGatewayException.class);
        assertThat(store.interviews.get(id).sendingSince()).isNull();
        store.failures.add(new CalcomGatewayException(503, "calcom_unavailable", "down", null));
        assertThatThrownBy(() -> sending.send(ada, id).await().indefinitely()).isInstanceOf(CalcomGatewayException.class);
        assertThatThrownBy(() -> sending.send(ada, id).await().indefinitely()).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "interview_being_sent");
        assertThat(store.bookings).hasSize(2);
    }

    @Test
    void onlyTheTeamSeesAnInterviewAndOnlyItsEditorsChangeIt() {
        UUID id = ready();
        assertThatThrownBy(() -> flow.get(stranger, id).await().indefinitely()).isInstanceOf(NotFoundException.class);
        assertThat(flow.get(ben, id).await().indefinitely().interview().id()).isEqualTo(id);
        assertThatThrownBy(() -> flow.chooseDetails(ben, id, null, List.of(), "UTC").await().indefinitely())
                .isInstanceOf(ForbiddenActionException.class);
        assertThat(flow.list(ben, null, null, 10, 0).await().indefinitely()).hasSize(1);
        assertThat(flow.list(stranger, null, null, 10, 0).await().indefinitely()).isEmpty();
        // A startup's page: its interviews only.
        assertThat(flow.list(ben, null, world.acme.id(), 10, 0).await().indefinitely()).hasSize(1);
        assertThat(flow.list(ben, null, UUID.randomUUID(), 10, 0).await().indefinitely()).isEmpty();
        assertThat(flow.list(stranger, null, world.acme.id(), 10, 0).await().indefinitely()).as("still only what they see").isEmpty();
    }

    @Test
    void calcomsChangesMoveTheInterviewAndABookingWeNeverMadeIsRecordedSilently() {
        UUID id = ready();
        var sent = sending.send(ada, id).await().indefinitely().interview();
        CalcomBookingChange created = new CalcomBookingChange(CalcomBookingChange.Kind.CREATED, id, sent.calcomIcalUid(), 0, sent.calcomBookingUid(),
                null, "t", START, START.plus(Duration.ofMinutes(30)), "https://meet.google.com/abc", "google-meet", null, false, List.of());
        ApplyCalcomBookingUseCase.Result result = lifecycle.apply(created).await().indefinitely();
        assertThat(result.change()).isEqualTo(InterviewChange.CONFIRMED);
        assertThat(store.interviews.get(id).meetingProvider()).isEqualTo("google-meet");
        assertThat(lifecycle.apply(created).await().indefinitely().change()).isEqualTo(InterviewChange.NONE);
        assertThat(store.announced).extracting(InterviewAnnouncement::change).containsExactly(InterviewChange.SCHEDULED, InterviewChange.CONFIRMED);

        CalcomBookingChange direct = new CalcomBookingChange(CalcomBookingChange.Kind.CREATED, null, "direct@Cal.com", 0, "direct", null, "Chat",
                START, START.plus(Duration.ofMinutes(30)), null, null, null, false,
                List.of(new CalcomBookingChange.Person("Ada", "ADA@fund.test", "UTC"), new CalcomBookingChange.Person("Walk", "walk@in.test", "UTC")));
        ApplyCalcomBookingUseCase.Result recorded = lifecycle.apply(direct).await().indefinitely();
        assertThat(recorded.recorded()).isTrue();
        assertThat(store.interviews.get(recorded.interviewId()).primaryMemberId()).isEqualTo(adaMember.id());
        assertThat(store.announced).hasSize(2);
        assertThat(lifecycle.apply(direct).await().indefinitely().recorded()).isFalse();
    }

    /** Whoever books on Cal.com can set the booking's metadata: naming an interview there does not make the booking its. */
    @Test
    void aCalcomBookingNamingAnInterviewItWasNotMadeForNeitherFillsNorMovesIt() {
        UUID draft = ready();
        CalcomBookingChange foreignCreated = new CalcomBookingChange(CalcomBookingChange.Kind.CREATED, draft, "foreign@Cal.com", 0, "foreign",
                null, "t", START.plus(Duration.ofHours(3)), START.plus(Duration.ofHours(4)), "https://evil.test/meet", null, null, false,
                List.of(new CalcomBookingChange.Person("Mallory", "mallory@evil.test", "UTC")));
        ApplyCalcomBookingUseCase.Result recorded = lifecycle.apply(foreignCreated).await().indefinitely();
        assertThat(store.interviews.get(draft).status()).as("the draft is not filled by it").isEqualTo(InterviewStatus.DRAFT);
        assertThat(recorded.recorded()).as("kept as a booking made on Cal.com directly, under an id of its own").isTrue();
        assertThat(recorded.interviewId()).isNotEqualTo(draft);
        assertThat(store.announced).isEmpty();

        UUID id = ready();
        var sent = sending.send(ada, id).await().indefinitely().interview();
        CalcomBookingChange foreignMove = new CalcomBookingChange(CalcomBookingChange.Kind.RESCHEDULED, id, "other@Cal.com", 5, "other2", "other",
                "t", START.plus(Duration.ofHours(5)), START.plus(Duration.ofHours(6)), "https://evil.test/meet", null, null, false, List.of());
        CalcomBookingChange foreignCancel = new CalcomBookingChange(CalcomBookingChange.Kind.CANCELLED, id, "other@Cal.com", 6, "other2", null,
                "t", START.plus(Duration.ofHours(5)), START.plus(Duration.ofHours(6)), null, null, "gotcha", false, List.of());
        lifecycle.apply(foreignMove).await().indefinitely();
        lifecycle.apply(foreignCancel).await().indefinitely();
        assertThat(store.interviews.get(id).status()).isEqualTo(sent.status());
        assertThat(store.interviews.get(id).startAt()).isEqualTo(sent.startAt());
        assertThat(store.interviews.get(id).meetingUrl()).isEqualTo(sent.meetingUrl());
        assertThat(store.announced).extracting(InterviewAnnouncement::change).as("only its own sending").containsExactly(InterviewChange.SCHEDULED);

        CalcomBookingChange ownMove = new CalcomBookingChange(CalcomBookingChange.Kind.RESCHEDULED, null, sent.calcomIcalUid(), 1, "moved",
                sent.calcomBookingUid(), "t", START.plus(Duration.ofHours(2)), START.plus(Duration.ofHours(2).plusMinutes(30)), null, null, null,
                false, List.of());
        assertThat(lifecycle.apply(ownMove).await().indefinitely().change()).as("its own booking still moves it").isEqualTo(InterviewChange.RESCHEDULED);
    }

    @Test
    void aBookingCalcomAnswersPendingIsKeptAsAwaitingItsHostUntilItsCreationComes() {
        store.pending = true;
        UUID id = ready();
        var sent = sending.send(ada, id).await().indefinitely().interview();
        assertThat(sent.status()).isEqualTo(InterviewStatus.SCHEDULED);
        assertThat(store.interviews.get(id).awaitsHostConfirmation()).as("kept as Cal.com answered").isTrue();
        assertThat(store.announced).extracting(InterviewAnnouncement::change).containsExactly(InterviewChange.SCHEDULED);

        CalcomBookingChange created = new CalcomBookingChange(CalcomBookingChange.Kind.CREATED, id, sent.calcomIcalUid(), 0, sent.calcomBookingUid(),
                null, "t", START, START.plus(Duration.ofMinutes(30)), null, null, null, false, List.of());
        assertThat(lifecycle.apply(created).await().indefinitely().change()).isEqualTo(InterviewChange.CONFIRMED);
        assertThat(store.interviews.get(id).status()).isEqualTo(InterviewStatus.CONFIRMED);
        assertThat(store.interviews.get(id).awaitsHostConfirmation()).isFalse();
    }

    @Test
    void stepThreeCanLeaveOutTheTimesTheSendWouldRefuse() {
        Interviews interviews = new Interviews(store, team, team.startups(), team.contactStore(), team, store);
        TimeWindow bensSession = new TimeWindow(START, START.plus(Duration.ofMinutes(10)));
        TimeWindow adasGoogle = new TimeWindow(START.plus(Duration.ofMinutes(40)), START.plus(Duration.ofMinutes(50)));
        io.schedulr.scheduling.domain.CalendarConnection connected = new io.schedulr.scheduling.domain.CalendarConnection("ada",
                io.schedulr.scheduling.domain.CalendarConnectionStatus.CONNECTED, null, "cal-ada", NOW);
        io.schedulr.scheduling.application.service.ConflictCheck conflicts = new io.schedulr.scheduling.application.service.ConflictCheck(
                bookingsByAddress(java.util.Map.of("ben@fund.test", List.of(bensSession))),
                (user, window) -> io.smallrye.mutiny.Uni.createFrom().item(new io.schedulr.scheduling.application.port.out.CalendarBusyPort.Busy(
                        user.equals("ada") ? List.of(adasGoogle) : List.of())),
                user -> io.smallrye.mutiny.Uni.createFrom().item(Optional.of(connected)), team, team);
        InterviewOptionsService options = new InterviewOptionsService(team, interviews, store, conflicts);
        UUID id = ready();

        CalcomGatewayPort.SlotOptions all = options.slots(ada, id, 1001L, null, START, START.plus(Duration.ofDays(1)), false).await().indefinitely().options();
        CalcomGatewayPort.SlotOptions fitting = options.slots(ada, id, 1001L, null, START, START.plus(Duration.ofDays(1)), true).await().indefinitely().options();

        assertThat(all.slots()).hasSize(3);
        assertThat(fitting.slots()).as("Ben's booked session and Ada's Google busy time clash with the first two")
                .extracting(CalcomGatewayPort.Slot::start).containsExactly(START.plus(Duration.ofMinutes(60)));
        assertThat(fitting.members()).singleElement().satisfies(m -> assertThat(m.slots()).isEmpty());
    }

    @Test
    void stepTwoShowsEachMembersBusyTimesAndWhetherTheirGoogleCalendarIsInThem() {
        TimeWindow bensSession = new TimeWindow(START, START.plus(Duration.ofMinutes(30)));
        TimeWindow adasGoogle = new TimeWindow(START.plus(Duration.ofMinutes(60)), START.plus(Duration.ofMinutes(90)));
        TimeWindow adasOverlapping = new TimeWindow(START.plus(Duration.ofMinutes(80)), START.plus(Duration.ofMinutes(120)));
        team.upsert(ada.person()).await().indefinitely();
        team.upsert(ben.person()).await().indefinitely();
        TeamMember carl = team.add(TeamMember.create("Carl", "carl@fund.test", "Analyst", null)).await().indefinitely();
        io.schedulr.scheduling.domain.CalendarConnection connected = new io.schedulr.scheduling.domain.CalendarConnection("ada",
                io.schedulr.scheduling.domain.CalendarConnectionStatus.CONNECTED, null, "cal", NOW);
        List<String> asked = new java.util.ArrayList<>();
        io.schedulr.scheduling.application.service.ConflictCheck conflicts = new io.schedulr.scheduling.application.service.ConflictCheck(
                bookingsByAddress(java.util.Map.of("ben@fund.test", List.of(bensSession))),
                (user, window) -> {
                    asked.add(user);
                    return io.smallrye.mutiny.Uni.createFrom().item(user.equals("ada")
                            ? new io.schedulr.scheduling.application.port.out.CalendarBusyPort.Busy(List.of(adasGoogle, adasOverlapping))
                            : new io.schedulr.scheduling.application.port.out.CalendarBusyPort.Unavailable("timeout"));
                },
                user -> io.smallrye.mutiny.Uni.createFrom().item(Optional.of(connected)), team, team);
        InterviewOptionsService options = new InterviewOptionsService(team, world.interviews, store, conflicts);
        UUID id = flow.start(ada, acme.id()).await().indefinitely().interview().id();

        var choices = options.team(ada, id, START.minus(Duration.ofHours(1)), START.plus(Duration.ofDays(1))).await().indefinitely();

        assertThat(choices.timeZone()).as("the viewer's, while the draft has none").isEqualTo("Europe/Berlin");
        var byName = choices.members().stream().collect(java.util.stream.Collectors.toMap(m -> m.member().name(), m -> m.busy()));
        assertThat(byName.get("Ada").busy()).as("Google's busy times, overlapping ones as one")
                .containsExactly(new TimeWindow(adasGoogle.start(), adasOverlapping.end()));
        assertThat(byName.get("Ada").google()).isEqualTo(io.schedulr.scheduling.application.service.ConflictCheck.GoogleCalendar.READ);
        assertThat(byName.get("Ben").busy()).as("his session here, though Google did not answer").containsExactly(bensSession);
        assertThat(byName.get("Ben").google()).isEqualTo(io.schedulr.scheduling.application.service.ConflictCheck.GoogleCalendar.NOT_ANSWERING);
        assertThat(byName.get(carl.name()).busy()).isEmpty();
        assertThat(byName.get(carl.name()).google()).as("never signed in here")
                .isEqualTo(io.schedulr.scheduling.application.service.ConflictCheck.GoogleCalendar.NOT_CONNECTED);
        assertThat(asked).containsExactlyInAnyOrder("ada", "ben");

        assertThat(options.team(ada, id, START.plus(Duration.ofDays(2)), START.plus(Duration.ofDays(3))).await().indefinitely().members())
                .as("another window: Ada's Google answer is cut to it, Ben's session is outside it")
                .allSatisfy(m -> assertThat(m.busy().busy()).isEmpty());
        assertThatThrownBy(() -> options.team(stranger, id, START, START.plus(Duration.ofDays(1))).await().indefinitely())
                .hasFieldOrPropertyWithValue("code", "interview_not_found");
        assertThatThrownBy(() -> options.team(ada, id, START, START.plus(Duration.ofDays(63))).await().indefinitely())
                .hasFieldOrPropertyWithValue("code", "invalid_to");
        assertThat(new InterviewOptionsService(team, world.interviews, store).team(ada, id, START, START.plus(Duration.ofDays(1)))
                .await().indefinitely().members()).as("wired without the conflict rules").allSatisfy(m -> assertThat(m.busy().google())
                .isEqualTo(io.schedulr.scheduling.application.service.ConflictCheck.GoogleCalendar.NOT_CHECKED));
    }

    @Test
    void aLargeTeamsGoogleCalendarsAreAskedAFewAtATime() {
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        for (int i = 0; i < 20; i++) {
            team.upsert(new UserProfile("u" + i, "member" + i + "@fund.test", "Member " + i, "UTC")).await().indefinitely();
            team.add(TeamMember.create("Member " + i, "member" + i + "@fund.test", "Analyst", null)).await().indefinitely();
        }
        io.schedulr.scheduling.domain.CalendarConnection connected = new io.schedulr.scheduling.domain.CalendarConnection("any",
                io.schedulr.scheduling.domain.CalendarConnectionStatus.CONNECTED, null, "cal", NOW);
        io.schedulr.scheduling.application.service.ConflictCheck conflicts = new io.schedulr.scheduling.application.service.ConflictCheck(
                bookingsByAddress(java.util.Map.of()),
                (user, window) -> io.smallrye.mutiny.Uni.createFrom().deferred(() -> {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    return io.smallrye.mutiny.Uni.createFrom().<io.schedulr.scheduling.application.port.out.CalendarBusyPort.Answer>item(
                                    new io.schedulr.scheduling.application.port.out.CalendarBusyPort.Busy(List.of()))
                            .onItem().delayIt().by(Duration.ofMillis(20)).invoke(inFlight::decrementAndGet);
                }),
                user -> io.smallrye.mutiny.Uni.createFrom().item(Optional.of(connected)), team, team);
        InterviewOptionsService options = new InterviewOptionsService(team, world.interviews, store, conflicts);
        UUID id = flow.start(ada, acme.id()).await().indefinitely().interview().id();

        var members = options.team(ada, id, START, START.plus(Duration.ofDays(1))).await().indefinitely().members();

        assertThat(members.stream().filter(m -> m.member().name().startsWith("Member "))).hasSize(20)
                .allSatisfy(m -> assertThat(m.busy().google()).isEqualTo(io.schedulr.scheduling.application.service.ConflictCheck.GoogleCalendar.READ));
        assertThat(most.get()).as("at most eight at once, and more than one").isBetween(2, 8);
    }

    @Test
    void timesOfALengthTheTypeOffersAreThatLongAndALengthItDoesNotOfferIsRefusedNamingThoseItDoes() {
        InterviewOptionsService options = new InterviewOptionsService(team, world.interviews, store);
        UUID id = ready();

        assertThat(options.slots(ada, id, 1002L, 90, START, START.plus(Duration.ofDays(1)), false).await().indefinitely().options().slots())
                .allSatisfy(s -> assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofMinutes(90)));
        assertThatThrownBy(() -> options.slots(ada, id, 1002L, 45, START, START.plus(Duration.ofDays(1)), false).await().indefinitely())
                .hasFieldOrPropertyWithValue("code", "invalid_lengthInMinutes").hasMessage("'Interview (flexible)' can be booked for 30, 60, 90 minutes, not 45.");
        assertThatThrownBy(() -> options.slots(ada, id, 4242L, 30, START, START.plus(Duration.ofDays(1)), false).await().indefinitely())
                .hasFieldOrPropertyWithValue("code", "event_type_not_found");
    }

    /** Team members' booked sessions by address (rooms by user id: none). */
    private static FindBookingsPort bookingsByAddress(java.util.Map<String, List<TimeWindow>> booked) {
        return new io.schedulr.scheduling.application.service.StubBookedTimes((people, window) -> List.of(),
                (emails, window) -> emails.stream().flatMap(e -> booked.getOrDefault(e, List.of()).stream()).toList());
    }
}
