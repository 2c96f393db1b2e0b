package io.schedulr.testsupport.calcom;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code payload} of booking webhooks, built the way Cal.com's {@code sendPayload} does: the booking's
 * CalendarEvent (type, title, startTime, endTime, organizer, attendees, responses, location, iCalUID, iCalSequence,
 * uid, team…) plus {@code bookingId}, {@code eventTypeId}, upper-case {@code status}, {@code metadata}, the event type
 * info (eventTitle, length, price…), {@code utcOffset} on every person, and per trigger: {@code rescheduleId},
 * {@code rescheduleUid}, {@code rescheduleStartTime}/{@code rescheduleEndTime}, {@code rescheduledBy} on
 * BOOKING_RESCHEDULED; {@code cancellationReason}, {@code cancelledBy}, {@code requestReschedule} on
 * BOOKING_CANCELLED; {@code rejectionReason} on BOOKING_REJECTED (BOOKING_REQUESTED: a booking waiting for its host's
 * confirmation, status {@code PENDING}). Times are mixed as at Cal.com: created/rescheduled bookings carry {@code …Z}, cancellations
 * {@code …+00:00}, {@code createdAt} is {@code toISOString()}. A cancellation carries the booking's
 * {@code iCalSequence + 1}, as Cal.com's {@code handleCancelBooking} builds its event ({@code bookingToDelete.iCalSequence + 1});
 * a host's request for a new time is sent the same way here (Cal.com's own is not confirmed), a rejection at the
 * booking's own. Simplified: no payload templates, no video call data, guests appear as attendees named by their address.
 */
final class WebhookPayloads {
    private final Directory directory;

    WebhookPayloads(Directory directory) {
        this.directory = directory;
    }

    Map<String, Object> created(Booking booking) {
        Map<String, Object> p = base(booking, false);
        p.put("status", "ACCEPTED");
        return p;
    }

    Map<String, Object> requested(Booking booking) {
        Map<String, Object> p = base(booking, false);
        p.put("status", "PENDING");
        return p;
    }

    Map<String, Object> rejected(Booking booking) {
        Map<String, Object> p = base(booking, false);
        p.put("rejectionReason", booking.rejectionReason);
        p.put("status", "REJECTED");
        return p;
    }

    Map<String, Object> rescheduled(Booking booking, Booking previous) {
        Map<String, Object> p = base(booking, false);
        p.put("rescheduleId", previous.id);
        p.put("rescheduleUid", previous.uid);
        p.put("rescheduleStartTime", Times.utcSeconds(previous.start));
        p.put("rescheduleEndTime", Times.utcSeconds(previous.end));
        p.put("rescheduledBy", booking.rescheduledByEmail);
        p.put("status", "ACCEPTED");
        return p;
    }

    Map<String, Object> cancelled(Booking booking, boolean requestReschedule) {
        Map<String, Object> p = base(booking, true);
        p.put("cancellationReason", booking.cancellationReason);
        p.put("cancelledBy", booking.cancelledByEmail);
        p.put("requestReschedule", requestReschedule);
        p.put("status", "CANCELLED");
        p.put("iCalSequence", booking.iCalSequence + 1);
        return p;
    }

    /** The PING test delivery's payload, a fixed sample booking as in Cal.com's "Ping test". */
    static Map<String, Object> ping(Instant now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "Test");
        p.put("title", "Test trigger event");
        p.put("startTime", Times.iso(now));
        p.put("endTime", Times.iso(now));
        p.put("attendees", List.of(person(null, "John Doe", "JohnDoe@example.com", null, "Europe/London", now)));
        p.put("organizer", person(null, "Cal", "no-reply@cal.com", null, "Europe/London", now));
        return p;
    }

    private Map<String, Object> base(Booking booking, boolean cancelled) {
        Directory.EventType type = directory.eventType(booking.eventTypeId);
        Directory.User organizer = directory.user(booking.hostIds.get(0));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type.slug());
        p.put("title", booking.title);
        p.put("description", "");
        p.put("additionalNotes", "");
        p.put("customInputs", new LinkedHashMap<>());
        p.put("startTime", cancelled ? Times.offset(booking.start) : Times.utcSeconds(booking.start));
        p.put("endTime", cancelled ? Times.offset(booking.end) : Times.utcSeconds(booking.end));
        p.put("organizer", person(organizer.id(), organizer.name(), organizer.email(), organizer.username(), organizer.timeZone(),
                booking.start));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("name", Map.of("label", "your_name", "value", booking.attendee.name()));
        responses.put("email", Map.of("label", "email_address", "value", booking.attendee.email()));
        if (!booking.guests.isEmpty()) {
            responses.put("guests", Map.of("label", "additional_guests", "value", new ArrayList<>(booking.guests)));
        }
        p.put("responses", responses);
        p.put("userFieldsResponses", new LinkedHashMap<>());
        List<Object> attendees = new ArrayList<>();
        attendees.add(person(null, booking.attendee.name(), booking.attendee.email(), null, booking.attendee.timeZone(), booking.start));
        for (String guest : booking.guests) {
            attendees.add(person(null, guest, guest, null, booking.attendee.timeZone(), booking.start));
        }
        p.put("attendees", attendees);
        p.put("location", "integrations:daily");
        p.put("destinationCalendar", null);
        p.put("hideCalendarNotes", false);
        p.put("requiresConfirmation", type.requiresConfirmation());
        p.put("eventTypeId", type.id());
        p.put("seatsShowAttendees", true);
        p.put("seatsPerTimeSlot", null);
        p.put("seatsShowAvailabilityCount", true);
        p.put("schedulingType", type.schedulingType() == null ? null
                : "collective".equals(type.schedulingType()) ? "COLLECTIVE" : "ROUND_ROBIN");
        if (type.teamId() != null) {
            Map<String, Object> team = new LinkedHashMap<>();
            team.put("name", directory.team(type.teamId()).name());
            List<Object> members = new ArrayList<>();
            for (long id : booking.hostIds.subList(1, booking.hostIds.size())) {
                Directory.User member = directory.user(id);
                members.add(person(member.id(), member.name(), member.email(), member.username(), member.timeZone(), booking.start));
            }
            team.put("members", members);
            team.put("id", type.teamId());
            p.put("team", team);
        }
        p.put("iCalUID", booking.icsUid);
        p.put("iCalSequence", booking.iCalSequence);
        p.put("uid", booking.uid);
        p.put("bookingId", booking.id);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("videoCallUrl", booking.location);
        metadata.putAll(booking.metadata);
        p.put("metadata", metadata);
        p.put("eventTitle", type.title());
        p.put("eventDescription", type.description());
        p.put("price", 0);
        p.put("currency", "usd");
        p.put("length", booking.durationMinutes());
        return p;
    }

    private static Map<String, Object> person(Long id, String name, String email, String username, String timeZone, Instant at) {
        Map<String, Object> person = new LinkedHashMap<>();
        if (id != null) {
            person.put("id", id);
        }
        person.put("name", name);
        person.put("email", email);
        if (username != null) {
            person.put("username", username);
        }
        person.put("timeZone", timeZone);
        person.put("language", Map.of("locale", "en"));
        person.put("utcOffset", ZoneId.of(timeZone).getRules().getOffset(at).getTotalSeconds() / 60);
        return person;
    }
}
