package io.schedulr.scheduling.calendar;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** scheduling-service as Phase 2 runs it: the calendar gate on (the one profile of every gate test, so Quarkus restarts once). */
public class CalendarGateProfile implements QuarkusTestProfile {
    static final String CONNECT_URL = "https://calendar.schedulr.test/api/auth/google/start";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("schedulr.calendar.required", "true", "schedulr.calendar.connect-url", CONNECT_URL);
    }
}
