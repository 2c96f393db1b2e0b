package io.schedulr.notification.adapter.out.mail;

import io.schedulr.notification.domain.Invitation;
import io.schedulr.notification.domain.InviteMethod;
import io.schedulr.notification.domain.Meeting;
import io.schedulr.notification.domain.Person;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static io.schedulr.notification.adapter.out.mail.MailHtml.esc;
import static io.schedulr.notification.adapter.out.mail.MailHtml.row;

/** Subject and human-readable bodies of an invitation mail, with times in the recipient's own zone. */
public record InviteMailContent(String subject, String text, String html) {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    public static InviteMailContent of(Invitation invitation, WebAppLinks links) {
        if (invitation.meeting().interview() != null) {
            return InterviewMailContent.of(invitation, links);
        }
        Meeting m = invitation.meeting();
        Person recipient = invitation.recipient();
        Person other = invitation.toOrganizer() ? m.attendee() : m.organizer();
        boolean cancel = invitation.method() == InviteMethod.CANCEL;
        String when = when(m, recipient.zone());

        String subject = (cancel ? "Cancelled: " : "Invitation: ") + m.title() + " with " + other.name() + " @ " + when;
        String headline = cancel
                ? "Your practice room with " + other.name() + " has been cancelled."
                : "You have a practice room with " + other.name() + ".";
        StringBuilder text = new StringBuilder()
                .append("Hello ").append(recipient.name()).append(",\n\n")
                .append(headline).append("\n\n")
                .append("What: ").append(m.title()).append('\n')
                .append("When: ").append(when).append('\n')
                .append("Host: ").append(m.organizer().name()).append(" <").append(m.organizer().email()).append(">\n")
                .append("Guest: ").append(m.attendee().name()).append(" <").append(m.attendee().email()).append(">\n");
        if (m.roomUrl() != null && !cancel) {
            text.append("Join: ").append(m.roomUrl()).append('\n');
        }
        text.append("Your sessions: ").append(links.sessions()).append('\n');
        text.append('\n').append(MailHtml.attachmentHint(cancel));

        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html><body>")
                .append("<p>Hello ").append(esc(recipient.name())).append(",</p>")
                .append("<p>").append(esc(headline)).append("</p>")
                .append("<table>")
                .append(row("What", esc(m.title())))
                .append(row("When", esc(when)))
                .append(row("Host", esc(m.organizer().name() + " <" + m.organizer().email() + ">")))
                .append(row("Guest", esc(m.attendee().name() + " <" + m.attendee().email() + ">")));
        if (m.roomUrl() != null && !cancel) {
            html.append(MailHtml.joinRow(m.roomUrl()));
        }
        html.append(row("Your sessions", MailHtml.link(links.sessions())))
                .append("</table></body></html>");
        return new InviteMailContent(subject, text.toString(), html.toString());
    }

    /** e.g. "Tuesday, 3 June 2025, 14:00 – 15:00 (Europe/Berlin, CEST)". */
    static String when(Meeting m, ZoneId zone) {
        return when(m.start(), m.end(), zone);
    }

    /**
     * e.g. "Thursday, 14 March 2030, 18:30 – 19:15 (Asia/Tokyo, JST)"; also for reminders. A session during which the
     * clocks change names each time's own offset — "02:30 CEST – 02:15 CET (Europe/Berlin)" — as one name for both would
     * make it read as ending before it starts, or as an hour longer than it is.
     */
    static String when(java.time.Instant startUtc, java.time.Instant endUtc, ZoneId zone) {
        ZonedDateTime start = startUtc.atZone(zone);
        ZonedDateTime end = endUtc.atZone(zone);
        String endText = end.toLocalDate().equals(start.toLocalDate()) ? TIME.format(end) : DAY_TIME.format(end);
        String startName = ZONE_NAME.format(start);
        if (!start.getOffset().equals(end.getOffset())) {
            return DAY_TIME.format(start) + " " + startName + " \u2013 " + endText + " " + ZONE_NAME.format(end) + " (" + zone.getId() + ")";
        }
        String zoneText = startName.equals(zone.getId()) ? zone.getId() : zone.getId() + ", " + startName;
        return DAY_TIME.format(start) + " \u2013 " + endText + " (" + zoneText + ")";
    }
}
