package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.TimeWindow;
import io.smallrye.mutiny.Uni;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What already commits people to a time in this app, as busy times: booked rooms they host or joined, and scheduled or
 * confirmed interviews they are on the team of. One look for all the people asked about.
 */
public interface FindBookingsPort {
    /**
     * Holds these people, then reads their booked times as {@link #bookedTimes} does, in one step: until the caller's
     * transaction ends, no other check of any of them over a window overlapping {@code window} runs, and the read comes
     * after the hold, so that of two changes committing one person to overlapping times at once, the second one sees the
     * first one's booking. Checks of other times of the same person do not wait.
     */
    Uni<List<TimeWindow>> heldBookedTimes(Collection<String> userIds, TimeWindow window, RoomId except);

    /** The hold of {@link #heldBookedTimes} for people known by address (team members); the same hold as by their user id. */
    Uni<Void> holdAddresses(Collection<String> emails, TimeWindow window);

    /** Of the people with these user ids, overlapping {@code window}, except room {@code except} (may be null). */
    Uni<List<TimeWindow>> bookedTimes(Collection<String> userIds, TimeWindow window, RoomId except);

    /**
     * The same for whoever signs in with these addresses (any case): how team members, known by address, are found; except
     * interview {@code exceptInterview} (may be null), the one being moved.
     */
    Uni<List<TimeWindow>> bookedTimesOfAddresses(Collection<String> emails, TimeWindow window, UUID exceptInterview);

    /** The same, each person's own (by their address in lower case, earliest first; none for a person with none): to show when each is busy. */
    Uni<Map<String, List<TimeWindow>>> bookedTimesByAddress(Collection<String> emails, TimeWindow window);
}
