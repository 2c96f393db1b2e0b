package io.schedulr.calcom.adapter.in.rest;

import java.util.List;

/**
 * Request bodies of the Cal.com routes, as docs/calcom-gateway-api.md gives them. Times are text, parsed by the resource
 * as ISO 8601 with an offset: Jackson would also take a number as epoch seconds.
 */
public final class CalcomRequests {
    private CalcomRequests() {
    }

    /** {@code POST /api/calcom/bookings}. */
    public record CreateBooking(String interviewId, Long eventTypeId, String start, Integer lengthInMinutes, Attendee attendee,
                                List<String> guests) {
    }

    public record Attendee(String name, String email, String timeZone, String language) {
    }

    /** {@code POST /api/calcom/bookings/{uid}/reschedule}. */
    public record Reschedule(String start, String reschedulingReason) {
    }

    /** {@code POST /api/calcom/bookings/{uid}/cancel}; the body may be left out. */
    public record Cancel(String cancellationReason) {
    }
}
