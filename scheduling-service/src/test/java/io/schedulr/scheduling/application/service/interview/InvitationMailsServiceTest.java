package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.InterviewDetails.NamedPerson;
import io.schedulr.scheduling.application.port.in.interview.InvitationMailsUseCase.PersonMail;
import io.schedulr.scheduling.application.port.out.interview.InvitationMailsPort;
import io.schedulr.scheduling.application.port.out.interview.InvitationMailsPort.InvitationMail;
import io.schedulr.scheduling.application.port.out.interview.InvitationMailsPort.Kind;
import io.schedulr.scheduling.application.port.out.interview.InvitationMailsPort.MailState;
import io.schedulr.scheduling.application.port.out.interview.InvitationMailsUnavailableException;
import io.schedulr.scheduling.domain.UserProfile;
import io.schedulr.scheduling.domain.interview.Actor;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What became of an interview's mails, with who it names at each address, for those who may see it (in-memory ports). */
class InvitationMailsServiceTest {
    private static final Instant AT = Instant.parse("2030-03-01T08:00:01Z");
    private final InterviewWorld world = new InterviewWorld();
    private final List<UUID> asked = new ArrayList<>();
    private List<InvitationMail> known = List.of();
    private final InvitationMailsPort port = interviewId -> {
        asked.add(interviewId);
        return Uni.createFrom().item(known);
    };
    private final InvitationMailsService service = new InvitationMailsService(world.team, world.interviews, port);

    @Test
    void aDraftWasNeverMailedSoTheMailServiceIsNotAsked() {
        UUID id = world.ready();
        assertThat(service.mails(world.ben, id).await().indefinitely()).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void eachMailNamesWhoTheInterviewNamesAtItsAddressNowWhateverTheCase() {
        UUID id = world.ready();
        world.sending.send(world.ada, id).await().indefinitely();
        known = List.of(mail("GRACE@acme.test", Kind.INVITATION, MailState.DELIVERED),
                mail("olive@vc.test", Kind.INVITATION, MailState.BOUNCED),
                mail("ben@fund.test", Kind.INVITATION, MailState.SENT),
                mail("old@acme.test", Kind.CANCELLATION, MailState.SENT));

        List<PersonMail> mails = service.mails(world.ben, id).await().indefinitely();

        assertThat(asked).containsExactly(id);
        assertThat(mails).extracting(PersonMail::person).containsExactly(new NamedPerson("Grace", NamedPerson.Role.CONTACT),
                new NamedPerson("Olive", NamedPerson.Role.GUEST), new NamedPerson("Ben", NamedPerson.Role.INTERVIEWER), null);
        assertThat(mails).extracting(PersonMail::mail).containsExactlyElementsOf(known);
    }

    @Test
    void whoMayNotSeeTheInterviewLearnsNothingAndTheMailServiceFailingIsPassedOn() {
        UUID id = world.ready();
        world.sending.send(world.ada, id).await().indefinitely();
        Actor stranger = new Actor(new UserProfile("eve", "eve@else.test", "Eve", "UTC"), false);

        assertThatThrownBy(() -> service.mails(stranger, id).await().indefinitely())
                .hasFieldOrPropertyWithValue("code", "interview_not_found");
        assertThat(asked).isEmpty();

        InvitationMailsService failing = new InvitationMailsService(world.team, world.interviews,
                interviewId -> Uni.createFrom().failure(new InvitationMailsUnavailableException("down", null)));
        assertThatThrownBy(() -> failing.mails(world.ada, id).await().indefinitely())
                .isInstanceOf(InvitationMailsUnavailableException.class);
    }

    private static InvitationMail mail(String address, Kind kind, MailState state) {
        return new InvitationMail(address, kind, 0, state, AT, null);
    }
}
