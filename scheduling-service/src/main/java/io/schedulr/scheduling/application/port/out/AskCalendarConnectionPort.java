package io.schedulr.scheduling.application.port.out;

import io.smallrye.mutiny.Uni;

/**
 * Asks the service that owns people's Google connections (calendar-sync-service) directly, for the moment between a
 * person connecting and the connection event reaching this service. Answers false when it cannot tell.
 */
public interface AskCalendarConnectionPort {
    Uni<Boolean> connectedNow(String userId);
}
