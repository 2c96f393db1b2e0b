package io.schedulr.notification.adapter.out.mail;

import io.schedulr.notification.domain.DueReminder;
import io.schedulr.notification.domain.InterviewDetails;
import io.schedulr.notification.domain.ReminderSession;
import io.schedulr.notification.domain.SessionParticipant;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.schedulr.notification.adapter.out.mail.MailHtml.esc;
import static io.schedulr.notification.adapter.out.mail.MailHtml.row;

/**
 * Subject and bodies of a reminder: what, when in the recipient's own zone (zone named), how long until it starts, the join
 * link when known, who else takes part (names and how they take part, no addresses) and, for someone who can sign in, the
 * session's page in the web app. No calendar part: a reminder changes nobody's calendar.
 */
public record ReminderMailContent(String subject, String text, String html) {

    public static ReminderMailContent of(DueReminder reminder, Instant now, WebAppLinks links) {
        ReminderSession s = reminder.session();
        SessionParticipant recipient = reminder.recipient();
        String when = InviteMailContent.when(s.start(), s.end(), recipient.person().zone());
        // "Thursday, 14 March 2030, 18:30 (Asia/Tokyo, JST)": the start, with the zone as the full time names it
        String startTime = when.substring(0, when.indexOf(" \u2013 ")) + when.substring(when.lastIndexOf(" ("));
        String in = startsIn(Duration.between(now, s.start()));
        List<SessionParticipant> others = reminder.others();

        String subject = "Reminder: " + s.title() + " at " + startTime;
        String headline = s.title() + " starts " + in + ".";
        StringBuilder text = new StringBuilder()
                .append("Hello ").append(recipient.person().name()).append(",\n\n")
                .append(headline).append("\n\n")
                .append("What: ").append(s.title()).append('\n')
                .append("When: ").append(when).append('\n');
        if (s.joinUrl() != null) {
            text.append("Join: ").append(s.joinUrl()).append('\n');
        }
        if (!others.isEmpty()) {
            text.append("With:\n");
            others.forEach(p -> text.append("- ").append(p.describe()).append('\n'));
        }
        Map.Entry<String, String> page = page(s, recipient, links);
        if (page != null) {
            text.append(page.getKey()).append(": ").append(page.getValue()).append('\n');
        }
        // Only a person whose user id the session names has preferences that apply to it; a startup's contact or an
        // interview guest gets the defaults and has no page to change them on.
        boolean canChoose = recipient.person().id() != null;
        String whenSent = "You get this reminder " + span(reminder.slot().offsetMinutes()) + " before the start"
                + (canChoose ? "; change when on your Reminders page in schedulr:" : ".");
        text.append('\n').append(whenSent).append(canChoose ? " " + links.reminders() : "").append('\n');

        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html><body>")
                .append("<p>Hello ").append(esc(recipient.person().name())).append(",</p>")
                .append("<p><strong>").append(esc(headline)).append("</strong></p>")
                .append("<table>")
                .append(row("What", esc(s.title())))
                .append(row("When", esc(when)));
        if (s.joinUrl() != null) {
            html.append(MailHtml.joinRow(s.joinUrl()));
        }
        if (!others.isEmpty()) {
            StringBuilder who = new StringBuilder("<ul>");
            others.forEach(p -> who.append("<li>").append(esc(p.describe())).append("</li>"));
            html.append(row("With", who.append("</ul>").toString()));
        }
        if (page != null) {
            html.append(row(page.getKey(), MailHtml.link(page.getValue())));
        }
        html.append("</table>")
                .append("<p>").append(esc(whenSent)).append(canChoose ? " " + MailHtml.link(links.reminders()) : "").append("</p>")
                .append("</body></html>");
        return new ReminderMailContent(subject, text.toString(), html.toString());
    }

    /**
     * The session's page in the web app (label, address), as the invitations link it, for a person who can sign in (the
     * session names their user id): a room's "Your sessions", an interview's own page for its team. A startup's contact and
     * the guests get none, even with an account: they cannot open the interview (as in the invitations).
     */
    private static Map.Entry<String, String> page(ReminderSession s, SessionParticipant recipient, WebAppLinks links) {
        if (recipient.person().id() == null) {
            return null;
        }
        if (s.key().startsWith(InterviewDetails.KEY_PREFIX)) {
            return recipient.interviewer()
                    ? Map.entry("In schedulr", links.interview(s.key().substring(InterviewDetails.KEY_PREFIX.length()))) : null;
        }
        return Map.entry("Your sessions", links.sessions());
    }

    /** "in 10 minutes", "in 1 hour", "in 2 hours 5 minutes", "in 2 days", "in less than a minute" (rounded to the minute). */
    static String startsIn(Duration left) {
        long minutes = Math.round(left.toSeconds() / 60.0);
        return minutes < 1 ? "in less than a minute" : "in " + span(minutes);
    }

    /** "1 minute", "15 minutes", "1 hour", "2 hours 5 minutes", "1 day": a positive number of minutes in words. */
    static String span(long minutes) {
        long days = minutes / 1440;
        long hours = minutes % 1440 / 60;
        long mins = minutes % 60;
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(' ').append(days).append(days == 1 ? " day" : " days");
        }
        if (hours > 0) {
            text.append(' ').append(hours).append(hours == 1 ? " hour" : " hours");
        }
        if (mins > 0) {
            text.append(' ').append(mins).append(mins == 1 ? " minute" : " minutes");
        }
        return text.substring(1);
    }
}
