package io.schedulr.notification.adapter.out.mail;

import io.schedulr.notification.domain.InterviewChange;
import io.schedulr.notification.domain.InterviewDetails;
import io.schedulr.notification.domain.InterviewParticipant;
import io.schedulr.notification.domain.Invitation;
import io.schedulr.notification.domain.Meeting;
import io.schedulr.notification.domain.Person;

import static io.schedulr.notification.adapter.out.mail.MailHtml.esc;
import static io.schedulr.notification.adapter.out.mail.MailHtml.row;

/**
 * Subject and bodies of an interview invitation: the time in the recipient's own zone (zone named), the join link when
 * known, who takes part, and the reason when one was given (a cancellation, a reschedule request, a move, a corrected address). A
 * reschedule request says the interview awaits a new time; it is not a final cancellation. An address a change no longer names
 * is told only that its invitation no longer stands.
 */
final class InterviewMailContent {

    private InterviewMailContent() {
    }

    static InviteMailContent of(Invitation invitation, WebAppLinks links) {
        Meeting m = invitation.meeting();
        InterviewDetails details = m.interview();
        Person recipient = invitation.recipient();
        InterviewChange change = details.change();
        String when = InviteMailContent.when(m, recipient.zone());
        boolean cancel = change.method() == io.schedulr.notification.domain.InviteMethod.CANCEL;
        boolean withReason = details.reason() != null
                && (cancel || change == InterviewChange.RESCHEDULED || change == InterviewChange.ATTENDEES_CHANGED);
        // Whoever a change no longer names is told only that: the address may have been a wrong one, its holder a stranger.
        boolean noLongerInvited = change == InterviewChange.NO_LONGER_INVITED;

        String subject = switch (change) {
            case SCHEDULED -> "Invitation: " + m.title() + " @ " + when;
            case CONFIRMED, RESCHEDULED, ATTENDEES_CHANGED -> "Updated invitation: " + m.title() + " @ " + when;
            case RESCHEDULE_REQUESTED -> "New time needed: " + m.title() + " (was " + when + ")";
            case CANCELLED -> "Cancelled: " + m.title() + " @ " + when;
            case NO_LONGER_INVITED -> "No longer invited: " + m.title() + " @ " + when;
        };
        String headline = switch (change) {
            case SCHEDULED -> "You are invited to " + m.title() + ".";
            case CONFIRMED -> m.title() + " is confirmed" + (m.roomUrl() == null ? "." : "; the join link is below.");
            case RESCHEDULED -> m.title() + " has moved to a new time.";
            case RESCHEDULE_REQUESTED -> m.title() + " is awaiting a new time. The time below no longer holds, so it is removed from your "
                    + "calendar; this is not a final cancellation, and you will get a new invitation once a new time is booked.";
            case CANCELLED -> m.title() + " has been cancelled.";
            case ATTENDEES_CHANGED -> "Who takes part in " + m.title() + " changed; the time stays.";
            case NO_LONGER_INVITED -> "The invitation to " + m.title() + " this address received no longer stands, so it is removed "
                    + "from your calendar.";
        };
        if (details.tentative() && !cancel) {
            headline += " It is tentative until the host confirms it on Cal.com; you will get an update then.";
        }
        String whenLabel = change == InterviewChange.RESCHEDULE_REQUESTED ? "Was" : "When";
        // Only the team can open an interview in schedulr; the contact and the guests are not shown a page they cannot see,
        // nor is an address the interview no longer names (a replaced primary interviewer's old one is the organizer of its
        // own CANCEL, so a calendar matches it, but its holder may be a stranger).
        String page = !noLongerInvited && details.people().stream().anyMatch(p -> p.onTheTeam() && p.person().sameAddress(recipient))
                ? links.interview(details.interviewId()) : null;

        StringBuilder text = new StringBuilder()
                .append("Hello ").append(recipient.name()).append(",\n\n")
                .append(headline).append("\n\n");
        if (withReason) {
            text.append("Reason: ").append(details.reason()).append("\n\n");
        }
        text.append("What: ").append(m.title()).append('\n')
                .append(whenLabel).append(": ").append(when).append('\n');
        if (m.roomUrl() != null && !cancel) {
            text.append("Join: ").append(m.roomUrl()).append('\n');
        }
        if (!noLongerInvited) {
            text.append("Who takes part:\n");
            for (InterviewParticipant p : details.people()) {
                text.append("- ").append(p.describe()).append('\n');
            }
        }
        if (page != null) {
            text.append("In schedulr: ").append(page).append('\n');
        }
        text.append('\n').append(MailHtml.attachmentHint(cancel));

        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html><body>")
                .append("<p>Hello ").append(esc(recipient.name())).append(",</p>")
                .append("<p>").append(esc(headline)).append("</p>");
        if (withReason) {
            html.append("<p>Reason: ").append(esc(details.reason())).append("</p>");
        }
        html.append("<table>")
                .append(row("What", esc(m.title())))
                .append(row(whenLabel, esc(when)));
        if (m.roomUrl() != null && !cancel) {
            html.append(MailHtml.joinRow(m.roomUrl()));
        }
        if (!noLongerInvited) {
            StringBuilder who = new StringBuilder("<ul>");
            for (InterviewParticipant p : details.people()) {
                who.append("<li>").append(esc(p.describe())).append("</li>");
            }
            html.append(row("Who", who.append("</ul>").toString()));
        }
        if (page != null) {
            html.append(row("In schedulr", MailHtml.link(page)));
        }
        html.append("</table></body></html>");
        return new InviteMailContent(subject, text.toString(), html.toString());
    }
}
