package io.schedulr.outbox;

import io.agroal.api.AgroalDataSource;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.kit.tracing.TraceParents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Appends a CloudEvent to the outbox in the caller's JTA transaction (the Agroal connection joins it), so the event is
 * sent if and only if the change it describes commits; {@link OutboxRelay} sends it after the commit, in the trace of
 * the work that wrote the row ({@code traceparent}). The service's
 * Flyway migration creates the table:
 * <pre>
 * CREATE TABLE outbox (
 *     id           BIGSERIAL PRIMARY KEY,
 *     event_id     UUID NOT NULL UNIQUE,
 *     topic        TEXT NOT NULL,
 *     message_key  TEXT NOT NULL,
 *     event_type   TEXT NOT NULL,
 *     payload      TEXT NOT NULL,
 *     created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
 *     published_at TIMESTAMPTZ,
 *     traceparent  TEXT,
 *     set_aside_at     TIMESTAMPTZ,
 *     set_aside_reason TEXT
 * );
 * CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL AND set_aside_at IS NULL;
 * </pre>
 */
@ApplicationScoped
public class Outbox {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxRelay relay;

    /**
     * Queues {@code event} for {@code topic} under Kafka key {@code key} (records with one key keep their order).
     *
     * @throws IllegalStateException when the row cannot be written; the caller's transaction should then roll back
     */
    public void append(String topic, String key, CloudEvent<?> event) {
        if (topic == null || key == null || event == null || event.id() == null || event.type() == null) {
            throw new IllegalArgumentException("an outbox row needs a topic, a key and an event with id and type");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO outbox (event_id, topic, message_key, event_type, payload, traceparent) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, UUID.fromString(event.id()));
            insert.setString(2, topic);
            insert.setString(3, key);
            insert.setString(4, event.type());
            insert.setString(5, EventCodec.encode(event));
            insert.setString(6, TraceParents.current());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue event " + event.type() + " for key " + key, e);
        }
        relay.wakeAfterCommit();
    }
}
