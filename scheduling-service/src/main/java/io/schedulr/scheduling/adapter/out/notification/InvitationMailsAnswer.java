package io.schedulr.scheduling.adapter.out.notification;

import java.time.Instant;
import java.util.List;

/** notification-service's answer: the latest mail to each address of the interview. */
public record InvitationMailsAnswer(List<Mail> mails) {

    /** {@code method} REQUEST or CANCEL; {@code state} one of notification-service's mail states (WAITING, SENT, BOUNCED, …). */
    public record Mail(String recipient, String method, Integer sequence, String state, Instant at, String detail) {
    }
}
