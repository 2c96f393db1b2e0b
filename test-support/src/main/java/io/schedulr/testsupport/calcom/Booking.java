package io.schedulr.testsupport.calcom;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One booking as the local Cal.com keeps it. A reschedule never edits a booking's time: it cancels this one (marked
 * {@code rescheduled}, pointing at its successor) and makes a new one with a new uid, the same iCalUID and the next
 * iCalSequence, as Cal.com does. Mutated only under {@link Bookings}' lock.
 */
final class Booking {
    record Attendee(String name, String email, String timeZone, String language) {
    }

    final long id;
    final String uid;
    final String icsUid;
    final int iCalSequence;
    final long eventTypeId;
    final String title;
    final Instant start;
    final Instant end;
    final List<Long> hostIds;
    final Attendee attendee;
    final List<String> guests;
    final Map<String, String> metadata;
    final String location;
    final Instant createdAt;
    final String rescheduledFromUid;
    final String reschedulingReason;
    final String rescheduledByEmail;
    String status = "accepted";
    String cancellationReason;
    String cancelledByEmail;
    String rescheduledToUid;
    /** Cancelled by a reschedule or by a host's "request reschedule": the attendee may still pick a new time. */
    boolean rescheduled;
    Instant updatedAt;

    Booking(long id, String uid, String icsUid, int iCalSequence, long eventTypeId, String title, Instant start, Instant end,
            List<Long> hostIds, Attendee attendee, List<String> guests, Map<String, String> metadata, String location, Instant createdAt,
            String rescheduledFromUid, String reschedulingReason, String rescheduledByEmail) {
        this.id = id;
        this.uid = uid;
        this.icsUid = icsUid;
        this.iCalSequence = iCalSequence;
        this.eventTypeId = eventTypeId;
        this.title = title;
        this.start = start;
        this.end = end;
        this.hostIds = List.copyOf(hostIds);
        this.attendee = attendee;
        this.guests = List.copyOf(guests);
        this.metadata = new LinkedHashMap<>(metadata);
        this.location = location;
        this.createdAt = createdAt;
        this.updatedAt = null;
        this.rescheduledFromUid = rescheduledFromUid;
        this.reschedulingReason = reschedulingReason;
        this.rescheduledByEmail = rescheduledByEmail;
    }

    boolean active() {
        return "accepted".equals(status);
    }

    long durationMinutes() {
        return (end.toEpochMilli() - start.toEpochMilli()) / 60_000;
    }

    boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
