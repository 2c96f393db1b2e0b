package io.schedulr.calcom.application.service;

import io.schedulr.calcom.application.port.in.EventTypesUseCase;
import io.schedulr.calcom.application.port.in.FindSlotsQuery;
import io.schedulr.calcom.application.port.out.CalcomApi;
import io.schedulr.calcom.domain.booking.Availability;
import io.schedulr.calcom.domain.booking.EventType;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Event types of the key owner and the configured team; an event type's slots with the members who host it. Event types
 * change rarely and every step of an interview asks for them, so their list and each one read by id are reused for
 * {@code freshFor}; slots are always asked afresh.
 */
public class EventTypesService implements EventTypesUseCase {
    /** More event types than an account has; ids asked beyond it only make the cache start over. */
    private static final int MAX_KEPT_TYPES = 1_000;

    private final CalcomApi calcom;
    private final Optional<Long> teamId;
    private final RecentAnswers<Boolean, List<EventType>> list;
    private final RecentAnswers<Long, EventType> byId;

    public EventTypesService(CalcomApi calcom, Optional<Long> teamId, Clock clock, Duration freshFor) {
        this.calcom = calcom;
        this.teamId = teamId;
        this.list = new RecentAnswers<>(clock, freshFor, 1);
        this.byId = new RecentAnswers<>(clock, freshFor, MAX_KEPT_TYPES);
    }

    @Override
    public Uni<List<EventType>> eventTypes() {
        return list.get(Boolean.TRUE, this::askEventTypes);
    }

    private Uni<List<EventType>> askEventTypes() {
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
        return byId.get(query.eventTypeId(), () -> calcom.eventType(query.eventTypeId()))
                .chain(type -> calcom.slots(type.id(), query.start(), query.end(), query.timeZone(), query.lengthInMinutes())
                        .map(slots -> Availability.of(type, query.timeZone(), slots)));
    }
}
