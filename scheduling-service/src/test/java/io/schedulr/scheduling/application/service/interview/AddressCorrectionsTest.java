package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.EditContactCommand;
import io.schedulr.scheduling.application.port.in.interview.EditTeamMemberCommand;
import io.schedulr.scheduling.application.port.in.interview.InterviewFlowUseCase.GuestInput;
import io.schedulr.scheduling.domain.UserProfile;
import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.CalcomBookingChange;
import io.schedulr.scheduling.domain.interview.Contact;
import io.schedulr.scheduling.domain.interview.Guest;
import io.schedulr.scheduling.domain.interview.InterviewAnnouncement;
import io.schedulr.scheduling.domain.interview.InterviewChange;
import io.schedulr.scheduling.domain.interview.Startup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A contact's or team member's corrected address reaches the interviews that name them (in-memory ports). */
class AddressCorrectionsTest {
    private final InterviewWorld world = new InterviewWorld();
    private final AddressCorrections corrections = new AddressCorrections(world.interviews);
    private final EditContactService editContact = new EditContactService(world.team, world.team, world.team.contactStore(), world.team,
            corrections, world.clock);
    private final EditTeamMemberService editMember = new EditTeamMemberService(world.team, world.team, world.team, world.team,
            corrections, world.clock);
    private final Actor admin = new Actor(new UserProfile("root", "root@fund.test", "Root", "UTC"), true);

    @Test
    void aSentInterviewInvitesTheContactsCorrectedAddressAgainAndADraftsGuestTakesIt() {
        UUID sent = world.ready();
        world.sending.send(world.ada, sent).await().indefinitely();
        UUID draft = world.ready();
        // A draft of another startup that invites Grace as a guest taken from her contact.
        Startup beta = world.team.startups().add(Startup.create("Beta", null)).await().indefinitely();
        Contact bob = world.team.contactStore().add(Contact.create(beta.id(), "Bob", "bob@beta.test", null)).await().indefinitely();
        UUID withGuest = world.flow.start(world.ada, beta.id()).await().indefinitely().interview().id();
        world.flow.chooseStartup(world.ada, withGuest, beta.id(), bob.id(), null).await().indefinitely();
        world.flow.chooseGuests(world.ada, withGuest, List.of(new GuestInput("Grace", "grace@acme.test", "CEO", "Acme", world.grace.id())))
                .await().indefinitely();
        int announcedBefore = world.store.announced.size();

        editContact.edit(new EditContactCommand(world.ben, world.acme.id(), world.grace.id(), "Grace Hopper", null, false, null))
                .await().indefinitely();
        assertThat(world.store.announced).as("a new name alone tells nobody").hasSize(announcedBefore);

        editContact.edit(new EditContactCommand(world.ben, world.acme.id(), world.grace.id(), null, "grace@acme.example", false, null))
                .await().indefinitely();

        assertThat(world.store.announced).hasSize(announcedBefore + 1);
        InterviewAnnouncement told = world.store.announced.get(world.store.announced.size() - 1);
        assertThat(told.change()).isEqualTo(InterviewChange.ATTENDEES_CHANGED);
        assertThat(told.interview().id()).isEqualTo(sent);
        assertThat(told.interview().sequence()).isEqualTo(1);
        assertThat(told.reason()).isEqualTo("Grace Hopper is now reached at grace@acme.example.");
        assertThat(told.people()).extracting(InterviewAnnouncement.Participant::email)
                .containsExactly("ada@fund.test", "ben@fund.test", "grace@acme.example", "olive@vc.test");
        assertThat(world.store.interviews.get(draft).sequence()).as("a draft is not announced").isZero();
        Guest guest = world.store.interviews.get(withGuest).guests().get(0);
        assertThat(guest.email()).isEqualTo("grace@acme.example");
        assertThat(guest.invitation()).isEqualTo(Guest.Invitation.PENDING);
        assertThat(world.team.audit()).extracting(InMemoryTeam.AuditRow::action)
                .containsSubsequence("startup_contact.edited", "interview.address_corrected", "interview.address_corrected");
    }

    @Test
    void aTeamMembersCorrectedAddressIsInvitedToTheirBookedInterviewsButNotToCancelledOnes() {
        UUID sent = world.ready();
        world.sending.send(world.ada, sent).await().indefinitely();

        editMember.edit(new EditTeamMemberCommand(admin, world.benMember.id(), null, "ben@fund.example", null, false, null, null))
                .await().indefinitely();

        InterviewAnnouncement told = world.store.announced.get(world.store.announced.size() - 1);
        assertThat(told.change()).isEqualTo(InterviewChange.ATTENDEES_CHANGED);
        assertThat(told.people()).extracting(InterviewAnnouncement.Participant::email).contains("ben@fund.example")
                .doesNotContain("ben@fund.test");
        assertThat(told.reason()).isEqualTo("Ben is now reached at ben@fund.example.");

        // Once the interview is cancelled, a correction tells nobody.
        var cancelled = world.store.interviews.get(sent).cancelledHere("withdrawn", InterviewWorld.NOW).interview();
        world.store.interviews.put(sent, cancelled);
        int announced = world.store.announced.size();
        editMember.edit(new EditTeamMemberCommand(admin, world.benMember.id(), null, "ben@fund.test", null, false, null, null))
                .await().indefinitely();
        assertThat(world.store.announced).hasSize(announced);
    }

    @Test
    void aBookingMadeOnCalcomDirectlyIsCalcomsToTell() {
        CalcomBookingChange direct = new CalcomBookingChange(CalcomBookingChange.Kind.CREATED, null, "direct@Cal.com", 0, "direct", null, "Chat",
                InterviewWorld.START, InterviewWorld.START.plus(Duration.ofMinutes(30)), null, null, null, false,
                List.of(new CalcomBookingChange.Person("Ben", "ben@fund.test", "UTC"), new CalcomBookingChange.Person("Walk", "walk@in.test", "UTC")));
        UUID recorded = world.lifecycle.apply(direct).await().indefinitely().interviewId();
        assertThat(world.store.interviews.get(recorded).primaryMemberId()).isEqualTo(world.benMember.id());

        editMember.edit(new EditTeamMemberCommand(admin, world.benMember.id(), null, "ben@fund.example", null, false, null, null))
                .await().indefinitely();
        assertThat(world.store.announced).isEmpty();
        assertThat(world.store.interviews.get(recorded).sequence()).isZero();
    }

    @Test
    void aFinishedInterviewIsNotToldAgain() {
        UUID sent = world.ready();
        world.sending.send(world.ada, sent).await().indefinitely();
        var interview = world.store.interviews.get(sent);
        var applied = interview.attendeeReachedAt(null, "ben@fund.example", interview.endAt().plusSeconds(1));
        assertThat(applied.change()).isEqualTo(InterviewChange.NONE);
        assertThat(applied.interview()).isSameAs(interview);
    }
}
