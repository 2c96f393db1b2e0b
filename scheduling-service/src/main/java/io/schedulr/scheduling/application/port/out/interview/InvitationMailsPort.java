package io.schedulr.scheduling.application.port.out.interview;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What became of an interview's invitation mails: notification-service sends them and knows. Fails with
 * {@link InvitationMailsUnavailableException} when it cannot be asked or does not answer.
 */
public interface InvitationMailsPort {

    /** The latest mail to each address the interview's mails went to, in the order they were first mailed. */
    Uni<List<InvitationMail>> latestMails(UUID interviewId);

    /**
     * @param sequence the iCalendar SEQUENCE the mail carries
     * @param at       when its state was last seen to change (an attempt, or the mail provider's report)
     * @param detail   why it waits or failed, as the mail server or provider said; null when nothing to say
     */
    record InvitationMail(String address, Kind kind, int sequence, MailState state, Instant at, String detail) {
    }

    /** An invitation (iCalendar REQUEST, first or updated) or a cancellation (CANCEL). */
    enum Kind { INVITATION, CANCELLATION }

    enum MailState {
        /** Queued, not tried yet. */
        WAITING,
        /** The mail server refused it for now; tried again later. */
        RETRYING,
        /** The mail server accepted it. */
        SENT,
        /** The mail provider reported it delivered. */
        DELIVERED,
        /** The mail provider reported it delayed. */
        DELAYED,
        /** The mail provider reported it bounced or rejected. */
        BOUNCED,
        /** The recipient marked it as spam. */
        COMPLAINED,
        /** The address cannot be mailed; never sent. */
        UNDELIVERABLE,
        /** Google invites this person; no mail of ours. */
        LEFT_TO_GOOGLE
    }
}
