package io.schedulr.calcom.application.port.in;

import io.schedulr.calcom.domain.booking.Availability;
import io.schedulr.calcom.domain.booking.EventType;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** What can be booked on Cal.com, and when. */
public interface EventTypesUseCase {
    /** The key owner's personal event types and, when a team is configured, the team's. */
    Uni<List<EventType>> eventTypes();

    /** The free slots of an event type in a window, and the members who host it. */
    Uni<Availability> availability(FindSlotsQuery query);
}
