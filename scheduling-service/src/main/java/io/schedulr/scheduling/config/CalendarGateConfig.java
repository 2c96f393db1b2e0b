package io.schedulr.scheduling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Phase 2's calendar gate (SCHEDULR_CALENDAR_REQUIRED, SCHEDULR_CALENDAR_CONNECT_URL; see docs/operations.md). */
@ConfigMapping(prefix = "schedulr.calendar")
public interface CalendarGateConfig {
    /** Core writes need the caller's Google Calendar connected; false = Phase 1 behaviour, no lookup on the write path. */
    @WithDefault("true")
    boolean required();

    /** Where a refused caller goes to connect: calendar-sync-service's start route (the {@code connectUrl} of the 403). */
    @WithDefault("http://localhost:8082/api/auth/google/start")
    String connectUrl();
}
