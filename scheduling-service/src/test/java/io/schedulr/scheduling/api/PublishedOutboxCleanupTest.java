package io.schedulr.scheduling.api;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.scheduling.adapter.out.messaging.PublishedOutboxCleanup;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outbox rows published longer ago than {@code scheduling.outbox.keep-published} (7 days) are deleted on the cleanup's
 * schedule (every 2 s in tests), a thousand at a time; rows published since, and rows set aside, stay. Real PostgreSQL.
 */
@QuarkusTest
class PublishedOutboxCleanupTest {
    static final Instant NOW = Instant.now();

    @Inject
    PublishedOutboxCleanup cleanup;

    /** A row of its own key, created and published (or set aside) at that time. */
    static String row(Instant publishedAt, Instant setAsideAt) {
        String key = "cleanup-" + UUID.randomUUID();
        Instant created = publishedAt != null ? publishedAt : setAsideAt;
        Db.execute("INSERT INTO outbox (event_id, topic, message_key, event_type, payload, created_at, published_at, set_aside_at, "
                        + "set_aside_reason) VALUES (?, 'cleanup.test.v1', ?, 'test', '{}'::jsonb, ?, ?, ?, ?)", UUID.randomUUID(), key,
                Timestamp.from(created), publishedAt == null ? null : Timestamp.from(publishedAt),
                setAsideAt == null ? null : Timestamp.from(setAsideAt), setAsideAt == null ? null : "refused for good");
        return key;
    }

    static boolean exists(String key) {
        return Db.count("SELECT count(*) FROM outbox WHERE message_key = ?", key) == 1;
    }

    @Test
    void rowsPublishedLongerAgoThanTheyAreKeptAreDeletedOnTheScheduleAndNothingElse() {
        String old = row(NOW.minus(Duration.ofDays(8)), null);
        String older = row(NOW.minus(Duration.ofDays(400)), null);
        String recent = row(NOW.minus(Duration.ofDays(6)), null);
        String setAside = row(null, NOW.minus(Duration.ofDays(30)));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> !exists(old) && !exists(older));
        assertThat(exists(recent)).as("published 6 days ago: kept").isTrue();
        assertThat(exists(setAside)).as("set aside, never published: kept for operators").isTrue();
    }

    @Test
    void aLargeBacklogGoesInBatches() {
        Instant longAgo = NOW.minus(Duration.ofDays(50));
        Db.execute("INSERT INTO outbox (event_id, topic, message_key, event_type, payload, created_at, published_at) "
                + "SELECT gen_random_uuid(), 'cleanup.test.v1', 'cleanup-backlog', 'test', '{}'::jsonb, ?, ? FROM generate_series(1, 2500)",
                Timestamp.from(longAgo), Timestamp.from(longAgo));
        String kept = row(NOW.minus(Duration.ofDays(1)), null);

        int deleted = cleanup.deletePublishedBefore(NOW.minus(Duration.ofDays(7))).await().atMost(Duration.ofSeconds(30));

        assertThat(deleted).as("the scheduled round may have taken some of them first").isBetween(0, 2500);
        assertThat(Db.count("SELECT count(*) FROM outbox WHERE published_at < ?", Timestamp.from(NOW.minus(Duration.ofDays(7)))))
                .as("every old published row is gone, over three batches").isZero();
        assertThat(exists(kept)).isTrue();
    }
}
