package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.InvitationMailsUseCase;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.interview.InvitationMailsPort;
import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.InterviewStatus;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.UUID;

/**
 * Those who may see an interview may see what became of its mails. The mail service is asked after the reading session
 * has ended (no connection held while it answers); a draft was never mailed, so it is not asked.
 */
public class InvitationMailsService implements InvitationMailsUseCase {
    private final UnitOfWork tx;
    private final Interviews interviews;
    private final InvitationMailsPort mails;

    public InvitationMailsService(UnitOfWork tx, Interviews interviews, InvitationMailsPort mails) {
        this.tx = tx;
        this.interviews = interviews;
        this.mails = mails;
    }

    @Override
    public Uni<List<PersonMail>> mails(Actor actor, UUID interviewId) {
        return tx.reading(() -> interviews.visible(actor, interviewId).chain(interviews::details))
                .chain(details -> details.interview().status() == InterviewStatus.DRAFT
                        ? Uni.createFrom().item(List.<PersonMail>of())
                        : mails.latestMails(interviewId).map(latest -> latest.stream()
                                .map(mail -> new PersonMail(details.personAt(mail.address()).orElse(null), mail)).toList()));
    }
}
