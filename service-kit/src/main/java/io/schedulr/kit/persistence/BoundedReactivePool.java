package io.schedulr.kit.persistence;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reactive PostgreSQL pool every service gets, with the time bounds Quarkus does not let us configure: a new
 * connection gets {@code connect-timeout} to connect (the client's default is 60 s, long for a host that is gone), and a
 * request waits at most {@code acquisition-timeout} for a connection (30 s by default) before it is answered 503.
 * <p>
 * A statement already sent to a database that stops answering without closing anything is not bounded: this client
 * has no statement timeout, and it turns a read-idle close into a polite Terminate that a silent server never
 * completes, so the connection stays open (docs/operations.md, "Kafka and PostgreSQL").
 * <p>
 * Quarkus hands a pool creator the configured URL, user, password and TLS settings; a datasource credentials provider
 * (none is used here) would not be asked. Adding one means passing its supplier on here.
 */
@Singleton
public class BoundedReactivePool implements PgPoolCreator {
    private final Duration connectTimeout;
    private final Duration acquisitionTimeout;

    public BoundedReactivePool(@ConfigProperty(name = "schedulr.datasource.reactive.connect-timeout") Duration connectTimeout,
                               @ConfigProperty(name = "schedulr.datasource.reactive.acquisition-timeout") Duration acquisitionTimeout) {
        if (connectTimeout.toMillis() < 1 || acquisitionTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("schedulr.datasource.reactive.*-timeout must be positive");
        }
        this.connectTimeout = connectTimeout;
        this.acquisitionTimeout = acquisitionTimeout;
    }

    @Override
    public Pool create(Input input) {
        List<PgConnectOptions> databases = input.pgConnectOptionsList().stream().map(this::bounded).toList();
        return PgDriver.INSTANCE.createPool(input.vertx(), databases, bounded(input.poolOptions()));
    }

    PgConnectOptions bounded(PgConnectOptions configured) {
        return new PgConnectOptions(configured).setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
    }

    PoolOptions bounded(PoolOptions configured) {
        return new PoolOptions(configured).setConnectionTimeout(Math.toIntExact(acquisitionTimeout.toMillis()))
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
    }
}
