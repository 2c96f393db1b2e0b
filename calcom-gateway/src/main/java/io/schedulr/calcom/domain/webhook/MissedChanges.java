package io.schedulr.calcom.domain.webhook;

import io.schedulr.calcom.domain.booking.Booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The changes of a meeting that Cal.com shows and its webhooks never told (Cal.com gives up after a few attempts, e.g.
 * while this service was down), worked out from the booking we last announced and the bookings that replaced it, as
 * Cal.com's API gives them: a reschedule makes a new booking and leaves the old one cancelled, pointing to it
 * ({@code rescheduledToUid}); each one raises the meeting's sequence by one, as its webhook would have. A booking
 * cancelled with nothing after it is the meeting cancelled.
 *
 * <p>Each change is the one its webhook would have been (the same dedup key: a cancellation at the booking's sequence + 1,
 * as Cal.com's webhook tells it), so a webhook arriving late is a duplicate, and one that came first makes this a
 * duplicate (or stale: a booking is cancelled once, {@link MeetingState#judge}). Cal.com's API does not say whether a
 * cancellation was the host asking for a new time, so a missed one of those is announced as a cancellation.
 */
public final class MissedChanges {
    /** How many replacements are followed in one look; a longer chain goes on at the next look. */
    public static final int MAX_HOPS = 5;

    private MissedChanges() {
    }

    /**
     * @param chain the booking {@code announced} names, then each booking that replaced it, in order; a booking of another
     *              meeting ends it (not ours to announce), and so does one met before (a loop Cal.com should never show)
     */
    public static List<BookingChange> between(MeetingState announced, List<Booking> chain, Instant now) {
        if (chain.isEmpty() || !chain.get(0).uid().equals(announced.uid())) {
            throw new IllegalArgumentException("the chain must start at the announced booking " + announced.uid());
        }
        List<BookingChange> missed = new ArrayList<>();
        Booking last = chain.get(0);
        int sequence = announced.sequence();
        Set<String> seen = new HashSet<>(List.of(last.uid()));
        for (Booking next : chain.subList(1, chain.size())) {
            if (!next.uid().equals(last.rescheduledToUid()) || !sameMeeting(announced, next) || !seen.add(next.uid())) {
                break;
            }
            sequence++;
            missed.add(new BookingChange(ChangeKind.RESCHEDULED, announced.icalUid(), sequence, next.uid(), last.uid(), next.id(),
                    next.eventTypeId(), next.title(), next.status(), next.start(), next.end(), last.start(), last.end(), organizer(next),
                    attendees(next), next.meetingUrl(), next.meetingUrl(), next.metadata(), null, null, false, next.rescheduledBy(), now));
            last = next;
        }
        boolean lastIsAnnouncedCancelled = announced.cancelled() && last.uid().equals(announced.uid());
        if (last.ended() && last.rescheduledToUid() == null && !lastIsAnnouncedCancelled) {
            // Told at the sequence its webhook carries (the booking's + 1; a host's decline: the booking's own), so that the two
            // are one dedup key; announced with the booking's (MeetingState.asAnnounced).
            int told = last.declined() ? sequence : sequence + 1;
            missed.add(new BookingChange(ChangeKind.CANCELLED, announced.icalUid(), told, last.uid(), null, last.id(), last.eventTypeId(),
                    last.title(), last.status(), last.start(), last.end(), null, null, organizer(last), attendees(last), last.meetingUrl(),
                    last.meetingUrl(), last.metadata(), last.cancellationReason(), last.cancelledBy(), false, null, now));
        }
        return missed;
    }

    /**
     * A booking made through this service whose {@code BOOKING_CREATED} never came: its creation (sequence 0, as
     * accepted when Cal.com answered us), then what followed it. While its host has not confirmed it (pending), its request
     * alone, as {@code BOOKING_REQUESTED} tells it; declined by its host (rejected), the meeting's cancellation alone, as
     * {@code BOOKING_REJECTED} tells it.
     *
     * @param chain the booking made, then each booking that replaced it, in order
     */
    public static List<BookingChange> sinceMade(String icalUid, List<Booking> chain, Instant now) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the chain must start at the booking made");
        }
        Booking made = chain.get(0);
        if (made.awaitsItsHost()) {
            return List.of(first(ChangeKind.REQUESTED, icalUid, made, made.status(), null, now));
        }
        if (made.declined()) {
            return List.of(first(ChangeKind.CANCELLED, icalUid, made, made.status(), made.cancellationReason(), now));
        }
        BookingChange created = first(ChangeKind.CREATED, icalUid, made, "accepted", null, now);
        List<BookingChange> missed = new ArrayList<>();
        missed.add(created);
        missed.addAll(between(MeetingState.after(created), chain, now));
        return missed;
    }

    /** The first change of the meeting of the booking made (sequence 0), as its webhook would have told it. */
    private static BookingChange first(ChangeKind kind, String icalUid, Booking made, String status, String reason, Instant now) {
        return new BookingChange(kind, icalUid, 0, made.uid(), null, made.id(), made.eventTypeId(), made.title(), status, made.start(),
                made.end(), null, null, organizer(made), attendees(made), made.meetingUrl(), made.meetingUrl(), made.metadata(), reason, null,
                false, null, now);
    }

    private static boolean sameMeeting(MeetingState announced, Booking booking) {
        return booking.icsUid() == null || booking.icsUid().equals(announced.icalUid());
    }

    private static Person organizer(Booking booking) {
        return booking.hosts().isEmpty() ? null : person(booking.hosts().get(0));
    }

    private static List<Person> attendees(Booking booking) {
        return booking.attendees().stream().map(MissedChanges::person).toList();
    }

    private static Person person(Booking.Person p) {
        return new Person(p.name(), p.email(), p.timeZone());
    }
}
