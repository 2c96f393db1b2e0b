package io.schedulr.scheduling.domain.interview;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A change Cal.com announced for a booking (created, rescheduled, cancelled; or requested: made, and waiting for its host's
 * confirmation), in domain terms.
 *
 * @param interviewId       our interview the booking names in its metadata; null when it names none (or an unreadable one)
 * @param icalUid           the meeting's iCalendar UID at Cal.com, the same across reschedules
 * @param calcomSequence    Cal.com's iCalSequence of this change: orders one meeting's changes
 * @param uid               the booking this change is about (for a reschedule: the new booking)
 * @param previousUid       for a reschedule: the booking it replaces
 * @param meetingProvider   e.g. {@code cal-video}; null when unknown
 * @param requestReschedule for a cancellation: the host asked for another time instead
 * @param people            for a booking we never made: who is on it (the host first), to record it
 */
public record CalcomBookingChange(Kind kind, UUID interviewId, String icalUid, int calcomSequence, String uid, String previousUid,
                                  String title, Instant start, Instant end, String meetingUrl, String meetingProvider, String reason,
                                  boolean requestReschedule, List<Person> people) {
    public enum Kind { CREATED, RESCHEDULED, CANCELLED, REQUESTED }

    public record Person(String name, String email, String timeZone) {
    }
}
