package io.schedulr.calcom.application.port.out;

import io.schedulr.calcom.domain.booking.Booking;
import io.schedulr.calcom.domain.booking.EventType;
import io.schedulr.calcom.domain.booking.Slot;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Cal.com's API v2 as this service needs it. Every failure arrives as a {@link CalcomException} saying what kind it is
 * (not configured, key rejected, unavailable, rate limited, rejected, not found); transient ones have been retried.
 */
public interface CalcomApi {
    /** The account the API key belongs to, checked without retries (health). */
    Uni<CalcomAccount> me();

    /** The key owner's personal event types. */
    Uni<List<EventType>> personalEventTypes();

    /** A team's event types. */
    Uni<List<EventType>> teamEventTypes(long teamId);

    Uni<EventType> eventType(long eventTypeId);

    /** Free slots of an event type starting in [from, to), written in {@code timeZone}. */
    Uni<List<Slot>> slots(long eventTypeId, Instant from, Instant to, String timeZone, Integer lengthInMinutes);

    Uni<Booking> createBooking(NewBooking booking);

    Uni<Booking> booking(String uid);

    /**
     * A page of the bookings created after {@code after} and before {@code before}, oldest first: those of the team's event
     * types, or with no team the key owner's.
     */
    Uni<BookingsPage> bookingsCreated(Long teamId, Instant after, Instant before, int skip, int take);

    Uni<Booking> cancel(String uid, String reason);

    /**
     * The share (0 to 1) of the API key's requests left in Cal.com's current rate-limit window, as its last answer said;
     * 1 when none said, or that window has passed.
     */
    double shareOfRequestsLeft();

    /** The new booking that replaces {@code uid}. */
    Uni<Booking> reschedule(String uid, Instant start, String reason);

    /** What {@code POST /v2/bookings} is sent. */
    record NewBooking(long eventTypeId, Instant start, Integer lengthInMinutes, Booking.Person attendee, String attendeeLanguage,
                      List<String> guests, Map<String, String> metadata) {
    }

    /** A booking as Cal.com lists it, with when it was made there (never null: the list is read by it). */
    record CreatedBooking(Booking booking, Instant createdAt) {
    }

    /** @param more whether Cal.com has more after this page */
    record BookingsPage(List<CreatedBooking> bookings, boolean more) {
        public BookingsPage {
            bookings = List.copyOf(bookings);
        }
    }

    /** The user the key belongs to ({@code GET /v2/me}). */
    record CalcomAccount(long id, String username, String email) {
    }
}
