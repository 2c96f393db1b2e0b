package io.schedulr.calendarsync.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.calendarsync.application.port.out.SyncStates;
import io.schedulr.calendarsync.domain.SyncState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code calendar_sync} against the real database: when a sync is wanted, as pushes and failed syncs set it. The times lie
 * far ahead, so the running service's sync worker never claims these rows.
 */
@QuarkusTest
class JdbcSyncStatesTest {
    private static final Instant NOW = Instant.parse("2090-01-01T10:00:00Z");

    @Inject
    SyncStates syncs;
    @Inject
    AgroalDataSource dataSource;

    private final String userId = "sync-" + UUID.randomUUID();

    @AfterEach
    void forget() {
        syncs.forget(userId);
    }

    @Test
    void aPushWhileASyncBacksOffLeavesTheRetryWhereTheBackoffPutIt() throws SQLException {
        syncs.request(userId, "cal-1", NOW);
        Instant retry = NOW.plus(Duration.ofMinutes(5));
        syncs.failed(new SyncState(userId, "cal-1", "token-1", 0, 1), 3, retry, "HTTP 429 rateLimitExceeded");

        syncs.request(userId, "cal-1", NOW.plusSeconds(1));

        assertThat(requestedAt()).as("the push waits for the backoff").isEqualTo(retry);
        assertThat(syncs.requestsOf(userId)).as("and still counts, so the retry settles it").isEqualTo(2);
    }

    @Test
    void withoutAFailureAnEarlierPushStillBringsTheSyncForwardAndALaterOneKeepsTheWaitingTime() throws SQLException {
        syncs.request(userId, "cal-1", NOW.plusSeconds(60));
        syncs.request(userId, "cal-1", NOW);
        syncs.request(userId, "cal-1", NOW.plusSeconds(30));

        assertThat(requestedAt()).isEqualTo(NOW);
    }

    @Test
    void onceASyncWorkedAgainAPushIsDueAtOnce() throws SQLException {
        syncs.request(userId, "cal-1", NOW);
        syncs.failed(new SyncState(userId, "cal-1", "token-1", 0, 1), 1, NOW.plusSeconds(2), "HTTP 503");
        syncs.synced(new SyncState(userId, "cal-1", "token-1", 1, 1), "token-2", NOW.plusSeconds(3));

        syncs.request(userId, "cal-1", NOW.plusSeconds(10));

        assertThat(requestedAt()).isEqualTo(NOW.plusSeconds(10));
    }

    private Instant requestedAt() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT requested_at FROM calendar_sync WHERE user_id = ?")) {
            select.setString(1, userId);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).as("a sync state for " + userId).isTrue();
                return rs.getTimestamp(1).toInstant().truncatedTo(ChronoUnit.MICROS);
            }
        }
    }
}
