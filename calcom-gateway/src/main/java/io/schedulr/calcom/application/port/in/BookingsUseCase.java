package io.schedulr.calcom.application.port.in;

import io.schedulr.calcom.domain.booking.Booking;
import io.smallrye.mutiny.Uni;

/** Interview bookings on Cal.com. */
public interface BookingsUseCase {
    Uni<Booking> book(CreateBookingCommand command);

    Uni<Booking> booking(BookingId id);

    Uni<Booking> cancel(CancelBookingCommand command);

    /** The new booking (new uid, {@code rescheduledFromUid} the old one). */
    Uni<Booking> reschedule(RescheduleBookingCommand command);
}
