package io.schedulr.notification.adapter.out.mail;

import io.schedulr.notification.domain.InterviewDetails;
import io.schedulr.notification.domain.InterviewParticipant;
import io.schedulr.notification.domain.Invitation;
import io.schedulr.notification.domain.InviteMethod;
import io.schedulr.notification.domain.Meeting;
import io.schedulr.notification.domain.Person;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.parameter.SentBy;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The iCalendar object (RFC 5545) of an iTIP message (RFC 5546): METHOD REQUEST or CANCEL, one VEVENT, UTC times only
 * (so no VTIMEZONE is needed), CRLF line ends and 75-octet folding done by ical4j's outputter.
 */
public final class IcsInviteCalendar {
    public static final String PRODID = "-//Schedulr//Notification Service 1.0//EN";
    private static final int MAX_OCTETS = 75;

    private IcsInviteCalendar() {
    }

    /**
     * @param systemAddress the address mails are sent from; named as SENT-BY when it is not the organizer's own
     * @param stamp         DTSTAMP: when this message is made
     */
    public static Calendar build(Invitation invitation, String systemAddress, Instant stamp) {
        Meeting m = invitation.meeting();
        boolean cancel = invitation.method() == InviteMethod.CANCEL;
        VEvent event = new VEvent(m.start(), m.end(), m.title());
        event.add(new Uid(m.icsUid()));
        event.add(new Sequence(m.sequence()));
        event.replace(new DtStamp(stamp.truncatedTo(ChronoUnit.SECONDS)));
        event.add(new Description(description(invitation)));
        if (m.roomUrl() != null) {
            event.add(new Location(m.roomUrl()));
            event.add(new Url(URI.create(m.roomUrl())));
        }
        event.add(organizer(m.organizer(), systemAddress));
        if (m.interview() == null) {
            event.add(attendee(m.attendee(), cancel));
        } else {
            // Everyone taking part; the organizer as the chair who already accepted, the others asked to answer.
            for (InterviewParticipant p : m.interview().people()) {
                event.add(p.person().sameAddress(m.organizer()) ? chair(p.person()) : attendee(p.person(), cancel));
            }
        }
        event.add(cancel ? ImmutableStatus.VEVENT_CANCELLED
                : m.interview() != null && m.interview().tentative() ? ImmutableStatus.VEVENT_TENTATIVE : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(cancel ? new Transp("TRANSPARENT") : new Transp("OPAQUE"));

        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancel ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(event);
        return calendar;
    }

    /** The calendar as text: CRLF line ends, folded at 75 octets (not characters), text values escaped. */
    public static String render(Invitation invitation, String systemAddress, Instant stamp) {
        return write(build(invitation, systemAddress, stamp));
    }

    public static String write(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // ical4j folds at 75 characters; RFC 5545 says 75 octets. Unfold, then fold again, never inside a UTF-8 sequence.
        return fold(out.toString().replace("\r\n ", "").replace("\r\n\t", ""));
    }

    /** Folds every content line to at most 75 octets (RFC 5545 3.1): CRLF followed by one space. */
    static String fold(String unfolded) {
        StringBuilder result = new StringBuilder(unfolded.length() + unfolded.length() / 70 * 3);
        for (String line : unfolded.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            int limit = MAX_OCTETS;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = utf8Length(codePoint);
                if (octets + size > limit) {
                    result.append("\r\n ");
                    octets = 1;
                }
                result.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            result.append("\r\n");
        }
        return result.toString();
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    private static Organizer organizer(Person host, String systemAddress) {
        Organizer organizer = new Organizer(mailto(host.email()));
        organizer.add(cn(host.name()));
        if (systemAddress != null && !systemAddress.equalsIgnoreCase(host.email())) {
            organizer.add(new SentBy(mailto(systemAddress)));
        }
        return organizer;
    }

    private static Attendee attendee(Person guest, boolean cancel) {
        Attendee attendee = new Attendee(mailto(guest.email()));
        attendee.add(cn(guest.name()));
        attendee.add(CuType.INDIVIDUAL);
        attendee.add(Role.REQ_PARTICIPANT);
        attendee.add(PartStat.NEEDS_ACTION);
        attendee.add(cancel ? Rsvp.FALSE : Rsvp.TRUE);
        return attendee;
    }

    private static Attendee chair(Person organizer) {
        Attendee attendee = new Attendee(mailto(organizer.email()));
        attendee.add(cn(organizer.name()));
        attendee.add(CuType.INDIVIDUAL);
        attendee.add(Role.CHAIR);
        attendee.add(PartStat.ACCEPTED);
        attendee.add(Rsvp.FALSE);
        return attendee;
    }

    private static String description(Invitation invitation) {
        Meeting m = invitation.meeting();
        if (m.interview() != null) {
            return interviewDescription(invitation);
        }
        String text = (invitation.method() == InviteMethod.CANCEL ? "Cancelled: " : "") + m.title() + " with "
                + m.organizer().name() + " and " + m.attendee().name() + ".";
        return m.roomUrl() == null ? text : text + "\nJoin the room: " + m.roomUrl();
    }

    /** What, why (for a cancellation or a reschedule request), the join link and who takes part; never preparation notes. */
    private static String interviewDescription(Invitation invitation) {
        Meeting m = invitation.meeting();
        InterviewDetails details = m.interview();
        StringBuilder text = new StringBuilder();
        switch (details.change()) {
            case RESCHEDULE_REQUESTED -> text.append("Awaiting a new time (not a final cancellation): ").append(m.title()).append('.');
            case CANCELLED -> text.append("Cancelled: ").append(m.title()).append('.');
            case NO_LONGER_INVITED -> {
                return text.append("No longer invited at this address: ").append(m.title()).append('.').toString();
            }
            default -> text.append(m.title()).append('.');
        }
        if (invitation.method() == InviteMethod.CANCEL && details.reason() != null) {
            text.append("\nReason: ").append(details.reason());
        }
        if (m.roomUrl() != null && invitation.method() == InviteMethod.REQUEST) {
            text.append("\nJoin: ").append(m.roomUrl());
        }
        text.append("\nWho takes part:");
        for (InterviewParticipant p : details.people()) {
            text.append("\n- ").append(p.describe());
        }
        return text.toString();
    }

    /** Built by the URI constructor that quotes what URIs do not allow ({@code %}, {@code {}, {@code |}, {@code #} …). */
    private static URI mailto(String email) {
        try {
            return new URI("mailto", email, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an address: " + email, e);
        }
    }

    /** A CN parameter value may not hold a DQUOTE (RFC 5545 3.1); ical4j quotes values with ; : , itself. */
    private static Cn cn(String name) {
        return new Cn(name.replace('"', '\''));
    }
}
