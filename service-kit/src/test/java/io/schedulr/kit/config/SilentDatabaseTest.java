package io.schedulr.kit.config;

import io.schedulr.kit.persistence.StalledDatabase;
import io.schedulr.kit.rest.ErrorMappers;
import io.smallrye.config.SmallRyeConfig;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A database that takes the connection and then never answers (its process frozen, its node gone behind a proxy): with
 * the driver timeouts every service's JDBC pool gets from the shared settings, a new connection fails within them
 * instead of waiting until TCP gives up, inside the pool's own wait, and the request is answered 503, not 500.
 */
class SilentDatabaseTest {
    private static final String JDBC = "quarkus.datasource.jdbc.";

    @Test
    void aNewConnectionToADatabaseThatNeverAnswersFailsWithinTheSharedTimeoutsAndIsA503() throws Exception {
        SmallRyeConfig shared = SharedSettings.prod();
        Duration acquisition = shared.getValue(JDBC + "acquisition-timeout", Duration.class);
        Duration validation = shared.getValue(JDBC + "validation-query-timeout", Duration.class);
        int loginSeconds = shared.getValue(JDBC + "additional-jdbc-properties.loginTimeout", Integer.class);
        assertThat(shared.getValue(JDBC + "validate-on-borrow", Boolean.class)).isTrue();
        assertThat(validation.plusSeconds(loginSeconds)).as("the driver gives up before the pool does").isLessThan(acquisition);
        assertThat(acquisition).as("a request waits seconds, not minutes").isLessThanOrEqualTo(Duration.ofSeconds(15));

        try (StalledDatabase silent = new StalledDatabase(StalledDatabase.Stalls.AT_LOG_IN)) {
            Properties properties = new Properties();
            properties.setProperty("user", "postgres");
            properties.setProperty("password", "postgres");
            properties.setProperty("connectTimeout", shared.getValue(JDBC + "additional-jdbc-properties.connectTimeout", String.class));
            properties.setProperty("loginTimeout", String.valueOf(loginSeconds));
            long started = System.nanoTime();
            SQLException failure = catchThrowableOfType(
                    () -> new Driver().connect("jdbc:postgresql://localhost:" + silent.port() + "/anything", properties),
                    SQLException.class);
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(silent.connectionsTaken()).as("the database took the connection").isPositive();
            assertThat((Throwable) failure).as("no connection to a database that never answers").isNotNull();
            assertThat(waited).isLessThan(Duration.ofSeconds(loginSeconds + 3));
            assertThat(new ErrorMappers().unexpected(new IllegalStateException("could not read", failure)).getStatus()).isEqualTo(503);
        }
    }
}
