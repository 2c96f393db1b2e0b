package io.schedulr.calcom.application.port.in;

import io.schedulr.calcom.domain.booking.Booking;
import io.smallrye.mutiny.Uni;

/** Interview bookings on Cal.com. */
public interface BookingsUseCase {
    Uni<Booking> book(CreateBookingCommand command);

    /**
     * Reading, cancelling and rescheduling are for the person who booked through us and for operators; to anyone else
     * the booking does not exist ({@code NOT_FOUND}), so a guessed or leaked uid reveals and changes nothing.
     */
    Uni<Booking> booking(BookingId id, Actor actor);

    Uni<Booking> cancel(CancelBookingCommand command, Actor actor);

    /** The new booking (new uid, {@code rescheduledFromUid} the old one). */
    Uni<Booking> reschedule(RescheduleBookingCommand command, Actor actor);
}
