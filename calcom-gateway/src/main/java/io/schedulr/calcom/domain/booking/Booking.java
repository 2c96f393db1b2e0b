package io.schedulr.calcom.domain.booking;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A booking as Cal.com holds it. A reschedule makes a new booking (new {@code uid}, {@code rescheduledFromUid} the old
 * one) of the same meeting ({@code icsUid} stays).
 *
 * @param status       lower case as API v2 gives it: {@code accepted}, {@code pending}, {@code cancelled}, {@code rejected}
 * @param interviewId  our interview this booking belongs to, from its metadata; null when it was booked elsewhere
 * @param cancelledBy  who cancelled it (an email), when Cal.com says
 * @param rescheduledBy who made this booking as a move of another (an email), when Cal.com says
 */
public record Booking(String uid, long id, String title, String status, Instant start, Instant end, long eventTypeId,
                      String meetingUrl, String icsUid, String rescheduledFromUid, String rescheduledToUid, String cancellationReason,
                      String cancelledBy, String rescheduledBy, List<Person> hosts, List<Person> attendees, List<String> guests,
                      Map<String, String> metadata, String interviewId) {
    /** Metadata key linking a booking back to our interview. */
    public static final String INTERVIEW_ID = "schedulrInterviewId";

    public Booking {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        guests = guests == null ? List.of() : List.copyOf(guests);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * Of an event type that needs its host's confirmation, not confirmed yet: Cal.com announces its creation
     * ({@code BOOKING_CREATED}) only once the host confirms it.
     */
    public boolean awaitsItsHost() {
        return "pending".equals(status);
    }

    /** Declined by its host (an event type that needs confirmation): the meeting never takes place. */
    public boolean declined() {
        return "rejected".equals(status);
    }

    /** Cancelled, or declined by its host. */
    public boolean ended() {
        return "cancelled".equals(status) || declined();
    }

    public record Person(String name, String email, String timeZone) {
    }
}
