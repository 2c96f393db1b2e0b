package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.HandleInterviewChangeCommand;
import io.schedulr.notification.application.port.in.HandleInterviewChangeCommand.PersonData;
import io.schedulr.notification.application.port.in.HandleInterviewChangeUseCase.Outcome;
import io.schedulr.notification.application.port.out.RecordInterviewChangePort;
import io.schedulr.notification.domain.InterviewChange;
import io.schedulr.notification.domain.InterviewNotificationState;
import io.schedulr.notification.domain.InterviewParticipant.Kind;
import io.schedulr.notification.domain.InterviewPlan;
import io.schedulr.notification.domain.InvalidRoomChangeException;
import io.schedulr.notification.domain.Invitation;
import io.schedulr.notification.domain.InviteMethod;
import io.schedulr.notification.domain.Meeting;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Interview changes without Quarkus: who is invited, the order rule per interview, what fails the whole event. */
class InterviewChangeServiceTest {
    private static final Instant START = Instant.parse("2030-09-05T08:00:00Z");
    private static final PersonData ADA = new PersonData("u1", "Ada", "ada@schedulr.test", "Partner", null, "Europe/Berlin",
            Kind.PRIMARY_INTERVIEWER);
    private static final PersonData GRACE = new PersonData(null, "Grace", "Grace@Acme.test", "CEO", "Acme", null, Kind.CONTACT);
    private static final PersonData BROKEN = new PersonData(null, "Broken", "no address\r\n", null, null, null, Kind.GUEST);

    private final InMemoryStore store = new InMemoryStore();
    private final InterviewChangeService service = new InterviewChangeService(store, () -> { }, new ReminderPlanning(java.time.Clock.systemUTC()));

    private static HandleInterviewChangeCommand change(String eventId, InterviewChange change, int sequence, List<PersonData> people,
                                                       String url) {
        return new HandleInterviewChangeCommand(eventId, null, change, "iv-1", "iv-1@schedulr", sequence, START, START.plusSeconds(2700),
                "Interview: Acme\r\nBcc: x@evil.test", "America/New_York", url, people, null, false);
    }

    @Test
    void everyUsablePersonIsInvitedOnceTheInterviewerFirstAndAnUnusableAddressFailsAlone() {
        assertThat(service.handle(change("e1", InterviewChange.SCHEDULED, 0, List.of(GRACE, BROKEN, ADA, GRACE), "javascript:alert(1)"))
                .await().indefinitely()).isEqualTo(Outcome.QUEUED);

        Meeting meeting = store.lastMeeting;
        assertThat(meeting.organizer().email()).isEqualTo("ada@schedulr.test");
        assertThat(meeting.roomUrl()).as("only an http(s) link is a join link").isNull();
        assertThat(meeting.title()).isEqualTo("Interview: Acme Bcc: x@evil.test");
        assertThat(meeting.interview().people()).extracting(p -> p.person().email()).containsExactly("ada@schedulr.test", "grace@acme.test");
        assertThat(meeting.interview().people().get(1).person().timeZone()).as("the meeting's zone when theirs is unknown")
                .isEqualTo("America/New_York");
        assertThat(store.queued).extracting(i -> i.recipient().email()).containsExactly("ada@schedulr.test", "grace@acme.test");
        assertThat(store.unusable).containsExactly("no address\r\n");

        assertThatThrownBy(() -> service.handle(change("e2", InterviewChange.SCHEDULED, 1, List.of(GRACE,
                new PersonData("u1", "Ada", "ada at schedulr", null, null, null, Kind.PRIMARY_INTERVIEWER)), null)))
                .isInstanceOf(InvalidRoomChangeException.class).hasMessageContaining("primary interviewer");
    }

    @Test
    void onlyANewerChangeOfTheInterviewIsMailed() {
        List<PersonData> people = List.of(ADA, GRACE);
        assertThat(service.handle(change("s", InterviewChange.SCHEDULED, 0, people, null)).await().indefinitely()).isEqualTo(Outcome.QUEUED);
        assertThat(service.handle(change("s", InterviewChange.SCHEDULED, 0, people, null)).await().indefinitely()).isEqualTo(Outcome.DUPLICATE);
        assertThat(service.handle(change("c", InterviewChange.CONFIRMED, 1, people, "https://cal.test/v/1")).await().indefinitely())
                .isEqualTo(Outcome.QUEUED);
        assertThat(service.handle(change("s2", InterviewChange.SCHEDULED, 0, people, null)).await().indefinitely()).isEqualTo(Outcome.STALE);
        assertThat(service.handle(change("c2", InterviewChange.CONFIRMED, 1, people, null)).await().indefinitely()).isEqualTo(Outcome.STALE);
        // a reschedule request may keep the SEQUENCE: its CANCEL at 1 beats the REQUEST at 1, but a REQUEST at 1 no longer does
        assertThat(service.handle(change("rr", InterviewChange.RESCHEDULE_REQUESTED, 1, people, null)).await().indefinitely())
                .isEqualTo(Outcome.QUEUED);
        assertThat(service.handle(change("c3", InterviewChange.CONFIRMED, 1, people, null)).await().indefinitely()).isEqualTo(Outcome.STALE);
        assertThat(service.handle(change("rs", InterviewChange.RESCHEDULED, 2, people, null)).await().indefinitely()).isEqualTo(Outcome.QUEUED);

        assertThat(store.queued).extracting(i -> i.method() + "@" + i.meeting().sequence())
                .containsExactly("REQUEST@0", "REQUEST@0", "REQUEST@1", "REQUEST@1", "CANCEL@1", "CANCEL@1", "REQUEST@2", "REQUEST@2");
        assertThat(store.state).usingRecursiveComparison().ignoringFields("toldPeople")
                .isEqualTo(new InterviewNotificationState("iv-1", 2, false, START, START.plusSeconds(2700), null, false, List.of()));
        assertThat(store.state.toldPeople()).extracting(p -> p.email()).containsExactlyElementsOf(store.queued.get(0).meeting().interview()
                .people().stream().map(p -> p.person().email()).toList());
        assertThat(InterviewChange.RESCHEDULE_REQUESTED.method()).isEqualTo(InviteMethod.CANCEL);
    }

    @Test
    void aConfirmationShowingTheTimeAndLinkAlreadySentGoesToTheTeamOnly() {
        PersonData tom = new PersonData("u2", "Tom", "tom@schedulr.test", null, null, null, Kind.TEAM_MEMBER);
        PersonData gus = new PersonData(null, "Gus", "gus@guest.test", null, null, null, Kind.GUEST);
        List<PersonData> people = List.of(ADA, tom, GRACE, gus);
        String url = "https://cal.test/v/1";

        service.handle(change("s", InterviewChange.SCHEDULED, 0, people, url)).await().indefinitely();
        store.queued.clear();
        service.handle(change("c", InterviewChange.CONFIRMED, 1, people, url)).await().indefinitely();

        assertThat(store.queued).extracting(i -> i.recipient().email()).containsExactly("ada@schedulr.test", "tom@schedulr.test");
        assertThat(store.lastPlan.skipped()).extracting(i -> i.recipient().email()).containsExactly("grace@acme.test", "gus@guest.test");
        assertThat(store.lastMeeting.interview().people()).as("the team's update still lists everyone").hasSize(4);

        // a confirmation that brings the join link, or another time, is news to everyone
        store.queued.clear();
        service.handle(change("s2", InterviewChange.RESCHEDULED, 2, people, null)).await().indefinitely();
        service.handle(change("c2", InterviewChange.CONFIRMED, 3, people, url)).await().indefinitely();
        assertThat(store.queued).extracting(i -> i.recipient().email() + "@" + i.meeting().sequence()).containsExactly(
                "ada@schedulr.test@2", "tom@schedulr.test@2", "grace@acme.test@2", "gus@guest.test@2",
                "ada@schedulr.test@3", "tom@schedulr.test@3", "grace@acme.test@3", "gus@guest.test@3");
    }

    @Test
    void afterACancellationAConfirmationIsNewsToEveryone() {
        List<PersonData> people = List.of(ADA, GRACE);
        service.handle(change("s", InterviewChange.SCHEDULED, 0, people, null)).await().indefinitely();
        service.handle(change("rr", InterviewChange.RESCHEDULE_REQUESTED, 0, people, null)).await().indefinitely();
        store.queued.clear();

        service.handle(change("c", InterviewChange.CONFIRMED, 1, people, null)).await().indefinitely();

        assertThat(store.queued).extracting(i -> i.recipient().email()).containsExactly("ada@schedulr.test", "grace@acme.test");
    }

    @Test
    void theCancelToAnAddressNoLongerNamedCarriesTheOrganizerItsInvitationNamed() {
        PersonData tom = new PersonData("u2", "Tom", "tom@schedulr.test", null, null, null, Kind.TEAM_MEMBER);
        PersonData adaCorrected = new PersonData("u1", "Ada", "ada.l@schedulr.test", "Partner", null, "Europe/Berlin",
                Kind.PRIMARY_INTERVIEWER);
        service.handle(change("s", InterviewChange.SCHEDULED, 0, List.of(ADA, tom, GRACE), null)).await().indefinitely();
        store.queued.clear();

        service.handle(change("a", InterviewChange.ATTENDEES_CHANGED, 1, List.of(adaCorrected, tom, GRACE), null)).await().indefinitely();

        assertThat(store.queued).extracting(i -> i.method() + " " + i.recipient().email() + " from " + i.meeting().organizer().email())
                .containsExactly("REQUEST ada.l@schedulr.test from ada.l@schedulr.test", "REQUEST tom@schedulr.test from ada.l@schedulr.test",
                        "REQUEST grace@acme.test from ada.l@schedulr.test", "CANCEL ada@schedulr.test from ada@schedulr.test");
        assertThat(store.queued).extracting(i -> i.meeting().interview().change().name()).as("the new address is invited, not updated")
                .containsExactly("SCHEDULED", "ATTENDEES_CHANGED", "ATTENDEES_CHANGED", "NO_LONGER_INVITED");
        assertThat(store.queued.get(3).meeting().interview().people()).as("the organizer they were told, once, and nobody else")
                .extracting(p -> p.kind() + " " + p.person().email()).containsExactly("PRIMARY_INTERVIEWER ada@schedulr.test");

        // Tom becomes the primary interviewer and Grace leaves: her CANCEL names Ada, who invited her, as its organizer.
        PersonData tomPrimary = new PersonData("u2", "Tom", "tom@schedulr.test", null, null, null, Kind.PRIMARY_INTERVIEWER);
        store.queued.clear();
        service.handle(change("b", InterviewChange.ATTENDEES_CHANGED, 2, List.of(tomPrimary, adaCorrected), null)).await().indefinitely();

        assertThat(store.queued).extracting(i -> i.method() + " " + i.recipient().email() + " from " + i.meeting().organizer().email())
                .containsExactly("REQUEST tom@schedulr.test from tom@schedulr.test", "REQUEST ada.l@schedulr.test from tom@schedulr.test",
                        "CANCEL grace@acme.test from ada.l@schedulr.test");
        assertThat(store.queued.get(2).meeting().interview().people()).extracting(p -> p.kind() + " " + p.person().email())
                .containsExactly("PRIMARY_INTERVIEWER ada.l@schedulr.test", "GUEST grace@acme.test");
    }

    /** What the PostgreSQL store does, in memory: consumed ids, the interview's state, the queue. */
    static final class InMemoryStore implements RecordInterviewChangePort {
        final Set<String> consumed = new HashSet<>();
        final List<Invitation> queued = new ArrayList<>();
        final List<String> unusable = new ArrayList<>();
        InterviewNotificationState state;
        Meeting lastMeeting;
        InterviewPlan lastPlan;
        /** The reminder tables, changed in the same unit of work as the event's. */
        final InMemoryReminders reminderPlans = new InMemoryReminders();

        @Override
        public Uni<InterviewPlan> recordOnce(String eventId, Meeting meeting, List<String> unusableAddresses,
                                             Function<InterviewNotificationState, InterviewPlan> planner,
                                             Function<io.schedulr.notification.application.port.out.ReminderPlanPort, Uni<?>> reminders) {
            if (!consumed.add(eventId)) {
                return Uni.createFrom().nullItem();
            }
            reminders.apply(reminderPlans).await().indefinitely();
            lastMeeting = meeting;
            InterviewPlan plan = planner.apply(state);
            lastPlan = plan;
            if (!plan.stale()) {
                queued.addAll(plan.invitations());
                unusable.addAll(unusableAddresses);
                state = plan.nextState();
            }
            return Uni.createFrom().item(plan);
        }
    }
}
