package io.schedulr.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * CloudEvents {@code type} values on {@link Topics#CALCOM_BOOKINGS}, one per Cal.com booking change. The suffix is the
 * payload version.
 */
public enum BookingEventType {
    /** A booking was made on Cal.com (webhook {@code BOOKING_CREATED}). */
    BOOKING_CREATED("io.schedulr.calcom.booking.created.v1"),
    /**
     * The meeting moved: a new booking {@code uid} replaces {@link BookingEvent#previousUid()} (webhook
     * {@code BOOKING_RESCHEDULED}); same {@code icalUid}, higher {@code sequence}.
     */
    BOOKING_RESCHEDULED("io.schedulr.calcom.booking.rescheduled.v1"),
    /**
     * The booking was cancelled (webhook {@code BOOKING_CANCELLED}); {@link BookingEvent#requestReschedule()} says
     * whether the host asked the attendee to pick another time instead (a rescheduled event may follow).
     */
    BOOKING_CANCELLED("io.schedulr.calcom.booking.cancelled.v1"),
    /**
     * A booking of an event type that needs its host's confirmation was made and waits for it (webhook
     * {@code BOOKING_REQUESTED}; {@code status} {@code pending}). {@link #BOOKING_CREATED} follows when a host confirms it,
     * {@link #BOOKING_CANCELLED} ({@code status} {@code rejected}) when they decline it.
     */
    BOOKING_REQUESTED("io.schedulr.calcom.booking.requested.v1");

    private final String cloudEventType;

    BookingEventType(String cloudEventType) {
        this.cloudEventType = cloudEventType;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    public static Optional<BookingEventType> fromCloudEventType(String type) {
        return Arrays.stream(values()).filter(t -> t.cloudEventType.equals(type)).findFirst();
    }
}
