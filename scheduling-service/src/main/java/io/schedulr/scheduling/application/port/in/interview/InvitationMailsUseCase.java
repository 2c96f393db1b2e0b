package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.application.port.out.interview.InvitationMailsPort.InvitationMail;
import io.schedulr.scheduling.domain.interview.Actor;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.UUID;

/** What became of an interview's invitation mails, for those who may see the interview. */
public interface InvitationMailsUseCase {

    /**
     * The latest mail to each address, with who the interview names at that address now. Fails with a not-found for an
     * interview the actor may not see, and with an unavailable failure when the mail service cannot be asked.
     */
    Uni<List<PersonMail>> mails(Actor actor, UUID interviewId);

    /** @param person who the interview names at the mail's address now; null when nobody (an address since corrected) */
    record PersonMail(InterviewDetails.NamedPerson person, InvitationMail mail) {
    }
}
