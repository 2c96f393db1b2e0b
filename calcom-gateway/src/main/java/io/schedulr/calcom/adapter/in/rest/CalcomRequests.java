package io.schedulr.calcom.adapter.in.rest;

import java.time.OffsetDateTime;
import java.util.List;

/** Request bodies of the Cal.com routes, as docs/calcom-gateway-api.md gives them. */
public final class CalcomRequests {
    private CalcomRequests() {
    }

    /** {@code POST /api/calcom/bookings}. */
    public record CreateBooking(String interviewId, Long eventTypeId, OffsetDateTime start, Integer lengthInMinutes, Attendee attendee,
                                List<String> guests) {
    }

    public record Attendee(String name, String email, String timeZone, String language) {
    }

    /** {@code POST /api/calcom/bookings/{uid}/reschedule}. */
    public record Reschedule(OffsetDateTime start, String reschedulingReason) {
    }

    /** {@code POST /api/calcom/bookings/{uid}/cancel}; the body may be left out. */
    public record Cancel(String cancellationReason) {
    }
}
