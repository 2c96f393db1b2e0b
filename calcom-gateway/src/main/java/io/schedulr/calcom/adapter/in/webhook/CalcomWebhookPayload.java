package io.schedulr.calcom.adapter.in.webhook;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * Cal.com's webhook body as the OpenAPI document shows it: the fields {@link CalcomWebhookReader} reads, in Cal.com's
 * names. The resource verifies the signature over the raw bytes and reads them itself; this record only describes them.
 */
@Schema(name = "CalcomWebhook", description = "A Cal.com webhook delivery. Other fields Cal.com sends are ignored.")
record CalcomWebhookPayload(
        @Schema(description = "PING is answered pong; other triggers than the three booking ones are acknowledged and ignored.",
                required = true, examples = "BOOKING_CREATED") String triggerEvent,
        @Schema(description = "When Cal.com emitted the delivery.", format = "date-time", examples = "2031-03-01T12:00:00.000Z")
        String createdAt,
        @Schema(description = "The booking; required for the booking triggers.") Booking payload) {

    @Schema(name = "CalcomWebhookBooking", description = "The booking as Cal.com's sendPayload writes it.")
    record Booking(
            @Schema(required = true, examples = "8bYkhFgTPrq1HqByE7jwoE") String uid,
            @Schema(description = "The meeting's iCalendar UID; the same across reschedules.", required = true,
                    examples = "8bYkhFgTPrq1HqByE7jwoE@Cal.com") String iCalUID,
            @Schema(description = "0 when booked, +1 per reschedule.", type = SchemaType.INTEGER, examples = "0") Integer iCalSequence,
            @Schema(description = "For a reschedule: the booking it replaces.", nullable = true) String rescheduleUid,
            @Schema(examples = "5001") Long bookingId,
            @Schema(examples = "1001") Long eventTypeId,
            @Schema(examples = "Interview (30 min) between Ada Host and Grace Candidate") String title,
            @Schema(examples = "ACCEPTED") String status,
            @Schema(required = true, format = "date-time", examples = "2031-03-03T09:00:00Z") String startTime,
            @Schema(required = true, format = "date-time", examples = "2031-03-03T09:30:00Z") String endTime,
            @Schema(description = "For a reschedule: the old start.", format = "date-time", nullable = true) String rescheduleStartTime,
            @Schema(description = "For a reschedule: the old end.", format = "date-time", nullable = true) String rescheduleEndTime,
            Person organizer,
            List<Person> attendees,
            @Schema(examples = "integrations:daily") String location,
            @Schema(description = "Cal.com's metadata; videoCallUrl is the meeting URL, schedulrInterviewId our interview.",
                    examples = "{\"videoCallUrl\": \"https://app.cal.com/video/8bYkhFgTPrq1HqByE7jwoE\", "
                            + "\"schedulrInterviewId\": \"iv-42\"}")
            Map<String, Object> metadata,
            @Schema(nullable = true) String cancellationReason,
            @Schema(nullable = true, examples = "ada@example.com") String cancelledBy,
            @Schema(description = "For a cancellation: the host asked the attendee to book another time.") Boolean requestReschedule,
            @Schema(nullable = true) String rescheduledBy) {
    }

    @Schema(name = "CalcomWebhookPerson")
    record Person(@Schema(examples = "Grace Candidate") String name, @Schema(examples = "grace@example.com") String email,
                  @Schema(examples = "America/New_York") String timeZone) {
    }
}
