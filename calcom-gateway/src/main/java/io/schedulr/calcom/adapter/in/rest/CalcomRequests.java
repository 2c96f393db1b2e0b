package io.schedulr.calcom.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Request bodies of the Cal.com routes, as docs/calcom-gateway-api.md gives them. Times are text, parsed by the resource
 * as ISO 8601 with an offset: Jackson would also take a number as epoch seconds.
 */
public final class CalcomRequests {
    private CalcomRequests() {
    }

    /** {@code POST /api/calcom/bookings}. */
    @Schema(name = "CreateBooking", description = "A booking to make on Cal.com; no other fields are accepted.",
            additionalProperties = Schema.False.class)
    public record CreateBooking(
            @Schema(description = "Our interview the booking is for; at most 100 characters.", required = true, examples = "iv-42")
            String interviewId,
            @Schema(description = "The Cal.com event type.", required = true, examples = "1001") Long eventTypeId,
            @Schema(description = "Start, ISO 8601 with an offset.", required = true, format = "date-time",
                    examples = "2031-03-03T09:00:00Z") String start,
            @Schema(description = "A custom duration; one of the event type's lengthOptions.", examples = "60") Integer lengthInMinutes,
            @Schema(required = true) Attendee attendee,
            @Schema(description = "Further addresses to invite; at most 30, none repeated.", examples = "[\"observer@partner.example\"]")
            List<String> guests) {
    }

    @Schema(name = "BookingAttendee", description = "Who books: Cal.com's attendee (the startup's contact).",
            additionalProperties = Schema.False.class)
    public record Attendee(
            @Schema(required = true, examples = "Grace Candidate") String name,
            @Schema(required = true, examples = "grace@example.com") String email,
            @Schema(description = "IANA time zone.", required = true, examples = "America/New_York") String timeZone,
            @Schema(description = "Language of Cal.com's mails to the attendee.", examples = "en") String language) {
    }

    /** {@code POST /api/calcom/bookings/{uid}/reschedule}. */
    @Schema(name = "RescheduleBooking", additionalProperties = Schema.False.class)
    public record Reschedule(
            @Schema(description = "The new start, ISO 8601 with an offset.", required = true, format = "date-time",
                    examples = "2031-03-03T10:00:00Z") String start,
            @Schema(description = "Why; Cal.com shows it to the attendee.", examples = "The founder is travelling.")
            String reschedulingReason) {
    }

    /** {@code POST /api/calcom/bookings/{uid}/cancel}; the body may be left out (Cal.com is then given a default reason). */
    @Schema(name = "CancelBooking", additionalProperties = Schema.False.class)
    public record Cancel(
            @Schema(description = "Why; at most 500 characters. Cal.com shows it to the attendee; left out or blank, Cal.com is given "
                    + "\"Cancelled in schedulr\" (it refuses a host's cancellation without a reason).", examples = "The startup withdrew.")
            String cancellationReason) {
    }
}
