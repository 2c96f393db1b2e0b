package io.schedulr.notification.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.schedulr.testsupport.SettableClock;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * The service's clock, set by the reminder flow tests: a reminder due in an hour is sent when the test moves the clock, not
 * an hour later. Selected only under {@link Profile}; every other test runs on the system clock.
 */
@Alternative
public class ReminderTime {
    public static final SettableClock CLOCK = new SettableClock(Instant.now());

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }

    /** The test profile that swaps the service's clock for {@link #CLOCK}. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ReminderTime.class);
        }
    }
}
