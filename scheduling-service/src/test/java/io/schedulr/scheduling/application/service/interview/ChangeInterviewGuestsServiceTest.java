package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.InterviewFlowUseCase.GuestInput;
import io.schedulr.scheduling.domain.interview.Guest;
import io.schedulr.scheduling.domain.interview.InterviewAnnouncement;
import io.schedulr.scheduling.domain.interview.InterviewChange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A sent interview's guests changed (in-memory ports): who is told, with what reason, and what is refused. */
class ChangeInterviewGuestsServiceTest {
    private final InterviewWorld world = new InterviewWorld();
    private final ChangeInterviewGuestsService guests = new ChangeInterviewGuestsService(world.team, world.interviews, world.clock);

    private UUID sent() {
        UUID id = world.ready();
        world.sending.send(world.ada, id).await().indefinitely();
        return id;
    }

    @Test
    void aGuestAddedAndOneTakenOffTellEveryoneNamedNowWhoJoinedAndWhoLeft() {
        UUID id = sent();
        int before = world.store.announced.size();

        guests.changeGuests(world.ada, id, List.of(new GuestInput("Gus", "gus@guest.test", "Advisor", null, null),
                new GuestInput("Hal", "hal@vc.test", null, "VC", null))).await().indefinitely();

        assertThat(world.store.announced).hasSize(before + 1);
        InterviewAnnouncement told = world.store.announced.get(before);
        assertThat(told.change()).isEqualTo(InterviewChange.ATTENDEES_CHANGED);
        assertThat(told.interview().sequence()).isEqualTo(1);
        assertThat(told.reason()).isEqualTo("Gus, Hal join; Olive no longer takes part.");
        assertThat(told.people()).extracting(InterviewAnnouncement.Participant::email)
                .containsExactly("ada@fund.test", "ben@fund.test", "grace@acme.test", "gus@guest.test", "hal@vc.test");
        assertThat(world.store.interviews.get(id).guests()).extracting(Guest::invitation).containsOnly(Guest.Invitation.SENT);
        assertThat(world.team.audit()).extracting(InMemoryTeam.AuditRow::action).last().isEqualTo("interview.guests_changed");

        // The same list again, and a new role alone, tell nobody; the role is kept.
        guests.changeGuests(world.ada, id, List.of(new GuestInput("Gus", "gus@guest.test", "Advisor", null, null),
                new GuestInput("Hal", "hal@vc.test", null, "VC", null))).await().indefinitely();
        guests.changeGuests(world.ada, id, List.of(new GuestInput("Gus", "gus@guest.test", "Board advisor", null, null),
                new GuestInput("Hal", "hal@vc.test", null, "VC", null))).await().indefinitely();
        assertThat(world.store.announced).hasSize(before + 1);
        assertThat(world.store.interviews.get(id).guests().get(0).role()).isEqualTo("Board advisor");
    }

    @Test
    void theStartupsContactOrATeamMemberIsNotAGuestAndOnlyTheSenderOrAnAdminChangesThem() {
        UUID id = sent();
        int before = world.store.announced.size();

        assertThatThrownBy(() -> guests.changeGuests(world.ada, id, List.of(new GuestInput(null, null, null, null, world.grace.id())))
                .await().indefinitely()).hasFieldOrPropertyWithValue("code", "duplicate_guest").hasMessageContaining("the startup's contact");
        assertThatThrownBy(() -> guests.changeGuests(world.ada, id, List.of(new GuestInput("Ben", "BEN@fund.test", null, null, null)))
                .await().indefinitely()).hasFieldOrPropertyWithValue("code", "duplicate_guest").hasMessageContaining("on the team");
        assertThatThrownBy(() -> guests.changeGuests(world.ben, id, List.of()).await().indefinitely())
                .as("Ben is on the team but did not send it").hasFieldOrPropertyWithValue("code", "not_interview_sender");
        assertThatThrownBy(() -> guests.changeGuests(world.ada, UUID.randomUUID(), List.of()).await().indefinitely())
                .hasFieldOrPropertyWithValue("code", "interview_not_found");
        assertThat(world.store.announced).hasSize(before);
        assertThat(world.store.interviews.get(id).guests()).extracting(Guest::email).containsExactly("olive@vc.test");
    }

    @Test
    void aTypedInGuestsCorrectedAddressIsSaidAsSuchAndAChangeTooLongToSayIsSaidPlainly() {
        Guest typo = Guest.of("Olive", "olive@vc.tset", null, null, null);
        Guest olive = Guest.of("Olive", "olive@vc.test", null, null, null);
        Guest gus = Guest.of("Gus", "gus@guest.test", null, null, null);
        assertThat(ChangeInterviewGuestsService.reason(List.of(typo, gus), List.of(gus, olive)))
                .isEqualTo("Olive is now reached at olive@vc.test.");
        assertThat(ChangeInterviewGuestsService.reason(List.of(typo), List.of(olive, gus)))
                .isEqualTo("Olive is now reached at olive@vc.test; Gus joins.");
        List<Guest> many = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> Guest.of("Guest number " + i + " of the partner fund", "g" + i + "@fund.test", null, null, null)).toList();
        assertThat(ChangeInterviewGuestsService.reason(List.of(), many)).isEqualTo("The guests changed.");
    }
}
