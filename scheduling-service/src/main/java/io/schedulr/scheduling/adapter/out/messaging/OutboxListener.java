package io.schedulr.scheduling.adapter.out.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.schedulr.scheduling.config.SchedulingConfig;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/** Holds a dedicated PostgreSQL connection that LISTENs on the outbox channel and wakes the relay on each commit. */
@ApplicationScoped
public class OutboxListener {
    private static final Logger LOG = Logger.getLogger(OutboxListener.class);

    @Inject
    Vertx vertx;
    @Inject
    KafkaOutboxRelay relay;
    @Inject
    SchedulingConfig config;
    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile PgConnection connection;
    private volatile boolean stopped;

    void start(@Observes StartupEvent event) {
        if (config.outbox().relayEnabled()) {
            connect();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (connection != null) {
            connection.closeAndAwait();
        }
    }

    private void connect() {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        PgConnection.connect(vertx, options)
                .call(conn -> conn.query("LISTEN outbox").execute())
                .subscribe().with(conn -> {
                    connection = conn;
                    conn.notificationHandler(n -> relay.wake());
                    conn.closeHandler(() -> reconnectLater("connection closed"));
                    relay.wake();
                }, failure -> reconnectLater(failure.toString()));
    }

    private void reconnectLater(String why) {
        if (stopped) {
            return;
        }
        LOG.warnf("outbox LISTEN connection lost (%s); reconnecting in 2 s, the backstop timer covers the gap", why);
        vertx.setTimer(2000, id -> connect());
    }
}
