package io.schedulr.calendarsync.adapter.out.persistence;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.calendarsync.application.port.out.ChannelStore;
import io.schedulr.calendarsync.connection.ConnectionRows;
import io.schedulr.calendarsync.domain.WatchChannel;
import io.schedulr.calendarsync.domain.WatchChannelStatus;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code webhook_channels} and the back-off of failed openings against the real database. The person holds a channel
 * living until mid-2090, so the running service's watch round leaves them alone; the times asked about lie past that.
 */
@QuarkusTest
class JdbcChannelStoreTest {
    private static final Instant NOW = Instant.parse("2090-07-01T10:00:00Z");
    private static final Instant RENEW_BEFORE = NOW.plus(Duration.ofDays(1));

    @Inject
    ChannelStore channels;

    private final String userId = "watch-" + UUID.randomUUID();

    @BeforeEach
    void connected() {
        // Checked "in 2090": the service's grant check leaves the made-up token alone too.
        ConnectionRows.execute("INSERT INTO calendar_connection (google_account_id, email, status, google_refresh_token, calendar_id, "
                + "connected_at, checked_at) VALUES (?, ?, 'connected', 'v1:k:sealed', 'cal-watch', now(), '2090-01-01T00:00:00Z')",
                userId, userId + "@example.com");
        ConnectionRows.execute("INSERT INTO webhook_channels (channel_id, user_id, calendar_id, resource_id, token, expiration_ts, status) "
                + "VALUES (?, ?, 'cal-watch', 'res', 'token', '2090-06-01T00:00:00Z', 'active')", UUID.randomUUID().toString(), userId);
    }

    @AfterEach
    void forget() {
        ConnectionRows.execute("DELETE FROM webhook_channels WHERE user_id = ?", userId);
        ConnectionRows.execute("DELETE FROM watch_opening_backoff WHERE user_id = ?", userId);
        ConnectionRows.execute("DELETE FROM calendar_connection WHERE google_account_id = ?", userId);
    }

    @Test
    void aFailedOpeningWaitsForItsBackoffAndAnOpenedChannelClearsIt() {
        assertThat(channels.needsChannel(userId, NOW, RENEW_BEFORE)).isTrue();

        channels.openingFailed(userId, 2, NOW.plus(Duration.ofHours(1)), "watching calendar cal-watch: Google answered 403");

        assertThat(channels.needsChannel(userId, NOW, RENEW_BEFORE)).as("backing off").isFalse();
        assertThat(channels.needingChannel(NOW, RENEW_BEFORE, 100_000)).noneMatch(w -> w.userId().equals(userId));
        Instant later = NOW.plus(Duration.ofHours(2));
        assertThat(channels.needingChannel(later, RENEW_BEFORE, 100_000)).filteredOn(w -> w.userId().equals(userId)).singleElement()
                .satisfies(w -> assertThat(w.failedOpenings()).isEqualTo(2));

        String channelId = UUID.randomUUID().toString();
        channels.opening(new WatchChannel(channelId, userId, "cal-watch", null, "token-2", later.plus(Duration.ofMinutes(2)),
                WatchChannelStatus.OPENING, null), later);
        channels.opened(channelId, "res-2", Instant.parse("2090-09-01T00:00:00Z"));

        assertThat(ConnectionRows.count("SELECT count(*) FROM watch_opening_backoff WHERE user_id = ?", userId)).isZero();
    }
}
