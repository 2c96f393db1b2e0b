package io.schedulr.calcom.application.service;

import io.schedulr.calcom.application.port.in.EventTypesUseCase;
import io.schedulr.calcom.application.port.in.FindSlotsQuery;
import io.schedulr.calcom.application.port.out.CalcomApi;
import io.schedulr.calcom.domain.booking.Availability;
import io.schedulr.calcom.domain.booking.EventType;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Event types of the key owner and the configured team; an event type's slots with the members who host it. */
public class EventTypesService implements EventTypesUseCase {
    private final CalcomApi calcom;
    private final Optional<Long> teamId;

    public EventTypesService(CalcomApi calcom, Optional<Long> teamId) {
        this.calcom = calcom;
        this.teamId = teamId;
    }

    @Override
    public Uni<List<EventType>> eventTypes() {
        Uni<List<EventType>> personal = calcom.personalEventTypes();
        if (teamId.isEmpty()) {
            return personal;
        }
        return personal.chain(own -> calcom.teamEventTypes(teamId.get()).map(team -> {
            List<EventType> all = new ArrayList<>(own);
            all.addAll(team);
            return List.copyOf(all);
        }));
    }

    @Override
    public Uni<Availability> availability(FindSlotsQuery query) {
        return calcom.eventType(query.eventTypeId())
                .chain(type -> calcom.slots(type.id(), query.start(), query.end(), query.timeZone(), query.lengthInMinutes())
                        .map(slots -> Availability.of(type, query.timeZone(), slots)));
    }
}
