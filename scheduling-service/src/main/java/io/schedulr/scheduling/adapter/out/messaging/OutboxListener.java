package io.schedulr.scheduling.adapter.out.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.schedulr.scheduling.config.SchedulingConfig;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Holds one connection that LISTENs on the outbox channel and wakes the relay on each commit.
 * <p>
 * The connection is borrowed from the service's reactive pool for as long as it lives, so it is opened with exactly
 * the datasource's configuration (URL, credentials, TLS mode and trusted certificates) and takes one of its slots.
 * When it closes or cannot be had, it is borrowed again after a pause; the relay's backstop timer covers the gap.
 */
@ApplicationScoped
public class OutboxListener {
    private static final Logger LOG = Logger.getLogger(OutboxListener.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    @Inject
    Vertx vertx;
    @Inject
    Pool pool;
    @Inject
    KafkaOutboxRelay relay;
    @Inject
    SchedulingConfig config;

    private volatile PgConnection connection;
    private volatile boolean stopped;

    void start(@Observes StartupEvent event) {
        if (config.outbox().relayEnabled()) {
            listen();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        PgConnection held = connection;
        if (held != null) {
            held.closeAndAwait();
        }
    }

    private void listen() {
        pool.getConnection()
                .map(PgConnection::cast)
                .call(conn -> conn.query("LISTEN outbox").execute()
                        .onFailure().call(conn::close))
                .subscribe().with(conn -> {
                    connection = conn;
                    conn.notificationHandler(n -> relay.wake());
                    conn.closeHandler(() -> listenLater("connection closed"));
                    relay.wake();
                }, failure -> listenLater(failure.toString()));
    }

    private void listenLater(String why) {
        connection = null;
        if (stopped) {
            return;
        }
        LOG.warnf("outbox LISTEN connection lost (%s); listening again in %d s, the backstop timer covers the gap",
                why, RETRY_PAUSE.toSeconds());
        vertx.setTimer(RETRY_PAUSE.toMillis(), id -> listen());
    }
}
