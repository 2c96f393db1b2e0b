package io.schedulr.notification.application.port.in;

import io.schedulr.notification.domain.InvitationMail;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** What became of an interview's invitation mails, per address: for scheduling-service's interview page. */
public interface ListInvitationMailsUseCase {

    /**
     * The latest mail to each address of the interview ({@link InvitationMail#latestPerRecipient}), in the order the
     * addresses were first mailed; empty when nothing is recorded for it (a draft, or an interview this service never
     * heard of: the caller knows which interviews exist).
     *
     * @param interviewId the interview's id as scheduling-service's events carry it
     */
    Uni<List<InvitationMail>> list(String interviewId);
}
