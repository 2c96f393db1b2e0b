package io.schedulr.calendarsync.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.outbox.PublishedOutboxCleanup;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jdbc-outbox's {@link PublishedOutboxCleanup} against this service's real outbox table: rows published longer ago than
 * {@code schedulr.outbox.keep-published} (7 days) go, on its schedule (every 2 s in tests); rows published since, rows not
 * yet published and rows set aside stay.
 */
@QuarkusTest
class PublishedOutboxCleanupTest {
    static final Instant NOW = Instant.now();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    PublishedOutboxCleanup cleanup;

    /** An outbox row created and (when given) published or set aside at those times; returns its id. */
    long row(Instant publishedAt, Instant setAsideAt) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO outbox (event_id, topic, message_key, event_type, payload, created_at, "
                     + "published_at, set_aside_at, set_aside_reason) VALUES (?, 'cleanup.test.v1', 'k', 'test', '{}', ?, ?, ?, ?) RETURNING id")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setTimestamp(2, Timestamp.from(publishedAt != null ? publishedAt : setAsideAt));
            insert.setTimestamp(3, publishedAt == null ? null : Timestamp.from(publishedAt));
            insert.setTimestamp(4, setAsideAt == null ? null : Timestamp.from(setAsideAt));
            insert.setString(5, setAsideAt == null ? null : "refused for good");
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    boolean exists(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement("SELECT 1 FROM outbox WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Test
    void rowsPublishedLongerAgoThanTheyAreKeptAreDeletedOnTheScheduleAndNothingElse() throws Exception {
        long old = row(NOW.minus(Duration.ofDays(8)), null);
        long older = row(NOW.minus(Duration.ofDays(400)), null);
        long recent = row(NOW.minus(Duration.ofDays(6)), null);
        long setAside = row(null, NOW.minus(Duration.ofDays(30)));

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> !exists(old) && !exists(older));
        assertThat(exists(recent)).as("published 6 days ago: kept").isTrue();
        assertThat(exists(setAside)).as("set aside, never published: kept for operators").isTrue();
    }

    @Test
    void aLargeBacklogGoesInBatches() throws Exception {
        Instant longAgo = NOW.minus(Duration.ofDays(50));
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO outbox (event_id, topic, message_key, event_type, payload, created_at, "
                     + "published_at) SELECT gen_random_uuid(), 'cleanup.test.v1', 'k', 'test', '{}', ?, ? FROM generate_series(1, 2500)")) {
            insert.setTimestamp(1, Timestamp.from(longAgo));
            insert.setTimestamp(2, Timestamp.from(longAgo));
            insert.executeUpdate();
        }
        long kept = row(NOW.minus(Duration.ofDays(1)), null);

        int deleted = cleanup.deletePublishedBefore(NOW.minus(Duration.ofDays(7)));

        // the scheduled round may have taken some of them first
        assertThat(deleted).isBetween(0, 2500);
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM outbox WHERE published_at < ?")) {
            count.setTimestamp(1, Timestamp.from(NOW.minus(Duration.ofDays(7))));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("every old published row is gone, over three batches").isZero();
            }
        }
        assertThat(exists(kept)).isTrue();
    }
}
