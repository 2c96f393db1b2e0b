package io.schedulr.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Payload ({@code data}) of a Cal.com booking event on {@link Topics#CALCOM_BOOKINGS}: the booking as it stands after the
 * change, in our names (Cal.com's wire names stay in calcom-gateway). Documented in docs/events.md.
 *
 * @param icalUid            the meeting's iCalendar UID; stays the same across reschedules, so it is the Kafka key
 * @param sequence           Cal.com's {@code iCalSequence}: 0 when booked, +1 per reschedule; orders one meeting's changes
 * @param uid                Cal.com's booking uid this change is about (for a reschedule: the new booking)
 * @param previousUid        the booking a reschedule replaces (Cal.com's {@code rescheduleUid}); null otherwise
 * @param bookingId          Cal.com's numeric booking id; may be null
 * @param eventTypeId        Cal.com's event type id; may be null
 * @param title              the booking's title
 * @param status             Cal.com's booking status, lower case as in API v2: {@code accepted}, {@code cancelled}, …
 * @param start              start of the (new) booking, UTC instant
 * @param end                end of the (new) booking, UTC instant
 * @param previousStart      for a reschedule: where the meeting was (Cal.com's {@code rescheduleStartTime}); null otherwise
 * @param previousEnd        for a reschedule: its old end; null otherwise
 * @param organizer          the host
 * @param attendees          the booker first, then guests
 * @param location           Cal.com's location string (e.g. {@code integrations:daily} or a URL); may be null
 * @param meetingUrl         the video call URL when Cal.com gives one ({@code metadata.videoCallUrl}); may be null
 * @param metadata           the booking's metadata, string values (e.g. {@code interviewId} that we set when booking)
 * @param cancellationReason for a cancellation: the reason typed by whoever cancelled; may be null
 * @param cancelledBy        for a cancellation: the email of who cancelled; may be null
 * @param requestReschedule  for a cancellation: true when the host asked the attendee to book another time
 * @param rescheduledBy      for a reschedule: the email of who moved it; may be null
 * @param calcomCreatedAt    when Cal.com emitted the webhook ({@code createdAt})
 */
public record BookingEvent(
        String icalUid,
        int sequence,
        String uid,
        String previousUid,
        Long bookingId,
        Long eventTypeId,
        String title,
        String status,
        Instant start,
        Instant end,
        Instant previousStart,
        Instant previousEnd,
        BookingPerson organizer,
        List<BookingPerson> attendees,
        String location,
        String meetingUrl,
        Map<String, String> metadata,
        String cancellationReason,
        String cancelledBy,
        boolean requestReschedule,
        String rescheduledBy,
        Instant calcomCreatedAt) {
}
