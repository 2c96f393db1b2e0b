package io.schedulr.kit.config;

import io.schedulr.kit.rest.ErrorMappers;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
        SmallRyeConfig shared = shared();
        Duration acquisition = shared.getValue(JDBC + "acquisition-timeout", Duration.class);
        Duration validation = shared.getValue(JDBC + "validation-query-timeout", Duration.class);
        int loginSeconds = shared.getValue(JDBC + "additional-jdbc-properties.loginTimeout", Integer.class);
        assertThat(shared.getValue(JDBC + "validate-on-borrow", Boolean.class)).isTrue();
        assertThat(validation.plusSeconds(loginSeconds)).as("the driver gives up before the pool does").isLessThan(acquisition);
        assertThat(acquisition).as("a request waits seconds, not minutes").isLessThanOrEqualTo(Duration.ofSeconds(15));

        List<Socket> accepted = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            Properties properties = new Properties();
            properties.setProperty("user", "postgres");
            properties.setProperty("password", "postgres");
            properties.setProperty("connectTimeout", shared.getValue(JDBC + "additional-jdbc-properties.connectTimeout", String.class));
            properties.setProperty("loginTimeout", String.valueOf(loginSeconds));
            long started = System.nanoTime();
            SQLException failure = catchThrowableOfType(
                    () -> new Driver().connect("jdbc:postgresql://localhost:" + silent.getLocalPort() + "/anything", properties),
                    SQLException.class);
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(accepted).as("the database took the connection").isNotEmpty();
            assertThat((Throwable) failure).as("no connection to a database that never answers").isNotNull();
            assertThat(waited).isLessThan(Duration.ofSeconds(loginSeconds + 3));
            assertThat(new ErrorMappers().unexpected(new IllegalStateException("could not read", failure)).getStatus()).isEqualTo(503);
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    private static SmallRyeConfig shared() throws IOException {
        URL file = Collections.list(SilentDatabaseTest.class.getClassLoader().getResources("META-INF/microprofile-config.properties"))
                .stream().filter(url -> url.getPath().contains("/service-kit/")).findFirst().orElseThrow();
        return new SmallRyeConfigBuilder().withProfile("prod").withSources(new PropertiesConfigSource(file, 100)).build();
    }
}
