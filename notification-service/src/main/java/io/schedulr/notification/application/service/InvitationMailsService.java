package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.ListInvitationMailsUseCase;
import io.schedulr.notification.application.port.out.LoadDeliveryHistoryPort;
import io.schedulr.notification.domain.InterviewDetails;
import io.schedulr.notification.domain.InvitationMail;
import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * An interview's invitation mails, from the audit rows its deliveries are filed under ({@code interview:<id>}),
 * summarised per address by the domain's rule. Who may ask is the inbound adapter's business (a service key).
 */
public class InvitationMailsService implements ListInvitationMailsUseCase {
    private final LoadDeliveryHistoryPort history;

    public InvitationMailsService(LoadDeliveryHistoryPort history) {
        this.history = history;
    }

    @Override
    public Uni<List<InvitationMail>> list(String interviewId) {
        if (interviewId == null || interviewId.isBlank()) {
            throw new IllegalArgumentException("interviewId is required");
        }
        return history.forRoom(InterviewDetails.KEY_PREFIX + interviewId).map(InvitationMail::latestPerRecipient);
    }
}
