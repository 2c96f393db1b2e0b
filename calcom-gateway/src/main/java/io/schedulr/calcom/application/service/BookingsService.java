package io.schedulr.calcom.application.service;

import io.schedulr.calcom.application.port.in.Actor;
import io.schedulr.calcom.application.port.in.BookingId;
import io.schedulr.calcom.application.port.in.BookingsUseCase;
import io.schedulr.calcom.application.port.in.CancelBookingCommand;
import io.schedulr.calcom.application.port.in.CreateBookingCommand;
import io.schedulr.calcom.application.port.in.RescheduleBookingCommand;
import io.schedulr.calcom.application.port.out.CalcomApi;
import io.schedulr.calcom.application.port.out.CalcomException;
import io.schedulr.calcom.application.port.out.MadeBookings;
import io.schedulr.calcom.domain.booking.Booking;
import io.smallrye.mutiny.Uni;

import java.util.LinkedHashMap;
import java.util.Map;

/** Bookings on Cal.com, each carrying our interview id (and who booked it) in its metadata. */
public class BookingsService implements BookingsUseCase {
    /** Metadata key naming the signed-in person who booked through us. */
    public static final String BOOKED_BY = "schedulrBookedBy";

    private final CalcomApi calcom;
    private final MadeBookings made;

    /** @param made remembers each booking made here until its meeting is announced, so it is looked up if its webhook never comes */
    public BookingsService(CalcomApi calcom, MadeBookings made) {
        this.calcom = calcom;
        this.made = made;
    }

    @Override
    public Uni<Booking> book(CreateBookingCommand command) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(Booking.INTERVIEW_ID, command.interviewId());
        metadata.put(BOOKED_BY, command.bookedBy());
        CreateBookingCommand.Attendee a = command.attendee();
        return calcom.createBooking(new CalcomApi.NewBooking(command.eventTypeId(), command.start(), command.lengthInMinutes(),
                        new Booking.Person(a.name(), a.email(), a.timeZone()), a.language(), command.guests(), metadata))
                .call(booking -> booking.icsUid() == null ? Uni.createFrom().voidItem()
                        : made.made(booking.icsUid(), booking.uid(), booking.end()));
    }

    @Override
    public Uni<Booking> booking(BookingId id, Actor actor) {
        return owned(id.uid(), actor);
    }

    @Override
    public Uni<Booking> cancel(CancelBookingCommand command, Actor actor) {
        return owned(command.uid(), actor).chain(ignored -> calcom.cancel(command.uid(), command.reason()));
    }

    @Override
    public Uni<Booking> reschedule(RescheduleBookingCommand command, Actor actor) {
        return owned(command.uid(), actor).chain(ignored -> calcom.reschedule(command.uid(), command.start(), command.reason()));
    }

    private Uni<Booking> owned(String uid, Actor actor) {
        return calcom.booking(uid).map(booking -> {
            if (!actor.admin() && !actor.id().equals(booking.metadata().get(BOOKED_BY))) {
                throw new CalcomException(CalcomException.Kind.NOT_FOUND, "No booking " + uid + ".");
            }
            return booking;
        });
    }
}
