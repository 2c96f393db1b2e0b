package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.TimeWindow;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** The app's own bookings of a person (booked rooms they host or joined), as busy times. */
public interface FindBookingsPort {
    /** Booked rooms of {@code userId} overlapping {@code window}, except room {@code except} (may be null). */
    Uni<List<TimeWindow>> bookedTimes(String userId, TimeWindow window, RoomId except);

    /** The same for whoever signs in with {@code email} (any case): how team members, known by address, are found. */
    Uni<List<TimeWindow>> bookedTimesOfAddress(String email, TimeWindow window);
}
