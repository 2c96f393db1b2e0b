package io.schedulr.notification.domain;

import java.util.Objects;

/**
 * A mail to a meeting's organizer saying that the invitation or cancellation sent on their behalf to someone else did not
 * arrive, so that they can correct the address or reach the person another way. Nobody else learns of it from the mail
 * provider: its bounce goes to our own sending address.
 *
 * @param reportDetail the provider's diagnostic ("550 5.1.1 mailbox unavailable"), may be null
 * @param attempts     refused sends so far
 */
public record BounceAlert(long id, ReportedMail mail, EmailStatus reportStatus, String reportDetail, int attempts) {
    public BounceAlert {
        Objects.requireNonNull(mail, "mail");
        if (!isFailure(reportStatus)) {
            throw new IllegalArgumentException("a bounce alert is about a bounced or rejected mail, not " + reportStatus);
        }
    }

    /**
     * Whether a report about a mail asks for an alert to its organizer: the provider bounced or rejected it (a delay may
     * still arrive; a complaint means it arrived), it was not the organizer's own mail (their alert would go to the same
     * address), and the meeting still names its recipient (once an address was corrected or removed, the organizer has acted
     * already: neither a late report about the old address's invitation nor the bounce of the cancellation it was then sent
     * tells them anything).
     */
    public static boolean wanted(ReportedMail mail, EmailStatus reportStatus) {
        return isFailure(reportStatus) && !mail.organizer().sameAddress(mail.recipient()) && mail.recipientStillNamed();
    }

    private static boolean isFailure(EmailStatus status) {
        return status == EmailStatus.BOUNCED || status == EmailStatus.REJECTED;
    }

    /** The key of the alert's Message-ID: the same for every attempt, and never one of an invitation's. */
    public String messageKey() {
        return "bounce-alert-" + id;
    }

    public boolean aboutCancellation() {
        return mail.method() == InviteMethod.CANCEL;
    }
}
