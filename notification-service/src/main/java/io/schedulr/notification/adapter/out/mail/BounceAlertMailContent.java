package io.schedulr.notification.adapter.out.mail;

import io.schedulr.notification.domain.BounceAlert;
import io.schedulr.notification.domain.EmailStatus;
import io.schedulr.notification.domain.Person;
import io.schedulr.notification.domain.ReportedMail;

import static io.schedulr.notification.adapter.out.mail.MailHtml.esc;
import static io.schedulr.notification.adapter.out.mail.MailHtml.row;

/**
 * Subject and bodies of a bounce alert to a meeting's organizer: whose mail did not arrive, what the mail provider said, the
 * meeting (its time in the organizer's zone) and where to act — an interview's page (a contact's address is corrected from
 * its startup's page, a guest's with Change guests), or the person's sessions.
 */
record BounceAlertMailContent(String subject, String text, String html) {
    /** The provider's diagnostic is quoted up to this many characters. */
    static final int MAX_REASON = 500;

    static BounceAlertMailContent of(BounceAlert alert, WebAppLinks links) {
        ReportedMail mail = alert.mail();
        Person organizer = mail.organizer();
        Person recipient = mail.recipient();
        String whom = recipient.name().equals(recipient.email()) ? recipient.email() : recipient.name() + " <" + recipient.email() + ">";
        String what = alert.aboutCancellation() ? "cancellation" : "invitation";
        String when = mail.start() == null || mail.end() == null ? null : InviteMailContent.when(mail.start(), mail.end(), organizer.zone());
        String how = alert.reportStatus() == EmailStatus.REJECTED ? "was rejected by the receiving mail server" : "bounced";
        String reason = reason(alert.reportDetail());

        String subject = "Not delivered: the " + what + " to " + recipient.name() + " for " + mail.title();
        String headline = "The " + what + " to " + mail.title() + " that Schedulr sent on your behalf to " + whom
                + " did not arrive: it " + how + ".";
        String advice = alert.aboutCancellation()
                ? "They may still expect the meeting: please tell them another way."
                : mail.interviewId() != null
                ? "If the address is wrong, correct it (a contact's on their startup's page; a guest's with Change guests on the "
                        + "interview's page; a team member's is corrected by an admin): the interview then invites the corrected "
                        + "address at once."
                : "Please check the address with them, or reach them another way.";
        String pageLabel = mail.interviewId() != null ? "Interview" : "Your sessions";
        String page = mail.interviewId() != null ? links.interview(mail.interviewId()) : links.sessions();

        StringBuilder text = new StringBuilder()
                .append("Hello ").append(organizer.name()).append(",\n\n")
                .append(headline).append("\n\n");
        if (reason != null) {
            text.append("Reason: ").append(reason).append('\n');
        }
        text.append("What: ").append(mail.title()).append('\n');
        if (when != null) {
            text.append("When: ").append(when).append('\n');
        }
        text.append(pageLabel).append(": ").append(page).append("\n\n").append(advice).append('\n');

        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html><body>")
                .append("<p>Hello ").append(esc(organizer.name())).append(",</p>")
                .append("<p><strong>").append(esc(headline)).append("</strong></p>")
                .append("<table>");
        if (reason != null) {
            html.append(row("Reason", esc(reason)));
        }
        html.append(row("What", esc(mail.title())));
        if (when != null) {
            html.append(row("When", esc(when)));
        }
        html.append(row(pageLabel, MailHtml.link(page)))
                .append("</table>")
                .append("<p>").append(esc(advice)).append("</p>")
                .append("</body></html>");
        return new BounceAlertMailContent(subject, text.toString(), html.toString());
    }

    /** The diagnostic on one line (a provider's may span several), cut to {@link #MAX_REASON}; null when there is none. */
    private static String reason(String detail) {
        if (detail == null || detail.isBlank()) {
            return null;
        }
        String line = detail.strip().replaceAll("\\s+", " ");
        return line.length() > MAX_REASON ? line.substring(0, MAX_REASON) + "…" : line;
    }
}
