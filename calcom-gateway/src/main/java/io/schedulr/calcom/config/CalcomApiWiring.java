package io.schedulr.calcom.config;

import io.schedulr.calcom.application.port.in.BookingsUseCase;
import io.schedulr.calcom.application.port.in.CalcomConnectionUseCase;
import io.schedulr.calcom.application.port.in.EventTypesUseCase;
import io.schedulr.calcom.application.port.out.CalcomApi;
import io.schedulr.calcom.application.port.out.MadeBookings;
import io.schedulr.calcom.application.service.BookingsService;
import io.schedulr.calcom.application.service.CalcomConnectionService;
import io.schedulr.calcom.application.service.EventTypesService;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Builds the framework-free Cal.com API use cases from their port. */
public class CalcomApiWiring {

    @Produces
    @Singleton
    EventTypesUseCase eventTypes(CalcomApi calcom, CalcomApiConfig config) {
        return new EventTypesService(calcom, config.teamId(), Clock.systemUTC(), config.eventTypesFreshFor());
    }

    @Produces
    @Singleton
    BookingsUseCase bookings(CalcomApi calcom, MadeBookings made) {
        return new BookingsService(calcom, made);
    }

    @Produces
    @Singleton
    CalcomConnectionUseCase connection(CalcomApi calcom, CalcomApiConfig config) {
        return new CalcomConnectionService(calcom, Clock.systemUTC(), config.healthFreshFor());
    }
}
