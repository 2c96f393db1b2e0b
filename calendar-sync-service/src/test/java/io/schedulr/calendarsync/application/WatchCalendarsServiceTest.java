package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.calendarsync.domain.WatchChannel;
import io.schedulr.calendarsync.domain.WatchChannelStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** One working push channel per connected calendar, with in-memory ports. */
class WatchCalendarsServiceTest {
    private static final Instant NOW = Instant.parse("2031-03-01T08:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();
    private final RecordingConnectionEvents events = new RecordingConnectionEvents();
    private final InMemoryChannels channels = new InMemoryChannels(store);
    private final InMemoryRoomMirrors audit = new InMemoryRoomMirrors();
    private final FakeCalendarWatch google = new FakeCalendarWatch(NOW.plus(Duration.ofDays(7)));
    private final FakeTokenVault vault = new FakeTokenVault();
    private WatchCalendarsService service;

    @BeforeEach
    void wire() {
        GoogleGrants grants = new GoogleGrants(new FakeGoogle(), vault, audit, store, events, clock);
        service = new WatchCalendarsService(channels, channels, store, google, grants, audit, new InMemoryTransactions(store, events), clock,
                () -> "https://schedulr.example/api/google/webhook", null);
        store.given(new CalendarConnection("ana", "ana@example.com", ConnectionStatus.CONNECTED, null, vault.seal("refresh-ana"), "cal-ana",
                NOW, NOW));
    }

    @Test
    void aConnectedCalendarGetsOneChannelAndAFirstFullSync() {
        assertThat(service.openChannels(NOW.plus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(service.openChannels(NOW.plus(Duration.ofDays(1)))).isZero();

        WatchChannel channel = channels.channels.values().iterator().next();
        assertThat(channel.status()).isEqualTo(WatchChannelStatus.ACTIVE);
        assertThat(channel.resourceId()).isEqualTo("res-cal-ana");
        assertThat(channel.token()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(google.watched).containsExactly(channel.channelId());
        assertThat(channels.syncs.get("ana").requestedAt).isEqualTo(NOW);
        assertThat(channels.syncs.get("ana").token).isNull();
    }

    @Test
    void aBurstOfConnectionsAllGetTheirChannelInOneRound() {
        for (int i = 0; i < 45; i++) {
            store.given(new CalendarConnection("p" + i, "p" + i + "@example.com", ConnectionStatus.CONNECTED, null, vault.seal("refresh-" + i),
                    "cal-" + i, NOW, NOW));
        }

        assertThat(service.openChannels(NOW.plus(Duration.ofDays(1)))).isEqualTo(46);
        assertThat(google.watched).hasSize(46);
    }

    @Test
    void aCalendarAnotherReplicaStartedOpeningAChannelForAfterThisRoundReadItIsLeftToThatReplica() {
        channels.meanwhile = () -> {
            if (channels.channels.isEmpty()) {
                channels.opening(new WatchChannel("other-replica", "ana", "cal-ana", null, "token", NOW.plus(Duration.ofMinutes(2)),
                        WatchChannelStatus.OPENING, null), NOW);
            }
        };

        assertThat(service.openChannels(NOW.plus(Duration.ofDays(1)))).isZero();
        assertThat(google.watched).isEmpty();
        assertThat(channels.channels).containsOnlyKeys("other-replica");
    }

    @Test
    void aRenewedChannelReplacesTheOldOneWhichIsStoppedOnlyOnceTheNewOneWorks() {
        service.openChannels(NOW.plus(Duration.ofDays(1)));
        String old = google.watched.get(0);

        service.openChannels(NOW.plus(Duration.ofDays(8)));
        String renewed = google.watched.get(1);
        assertThat(channels.channels.get(old).status()).isEqualTo(WatchChannelStatus.REPLACED);
        assertThat(service.stopChannels()).isZero();

        channels.confirm(renewed, NOW);
        assertThat(service.stopChannels()).isEqualTo(1);
        assertThat(google.stopped).containsExactly(old);
        assertThat(channels.channels.get(old).status()).isEqualTo(WatchChannelStatus.STOPPED);
        assertThat(channels.channels.get(renewed).status()).isEqualTo(WatchChannelStatus.ACTIVE);
    }

    @Test
    void disconnectingStopsThePersonsChannelsAndTheirSyncs() {
        service.openChannels(NOW.plus(Duration.ofDays(1)));
        String channel = google.watched.get(0);

        service.stopAllOf(store.row("ana"));

        assertThat(google.stopped).containsExactly(channel);
        assertThat(channels.channels.get(channel).status()).isEqualTo(WatchChannelStatus.STOPPED);
        assertThat(channels.syncs).doesNotContainKey("ana");
    }

    @Test
    void aChannelOfSomeoneNoLongerConnectedIsStoppedWithoutAToken() {
        service.openChannels(NOW.plus(Duration.ofDays(1)));
        CalendarConnection ana = store.row("ana");
        ana.revoked();
        store.given(ana);

        assertThat(service.stopChannels()).isEqualTo(1);
        assertThat(google.stopped).isEmpty();
        assertThat(channels.channels.values()).allMatch(c -> c.status() == WatchChannelStatus.STOPPED);
        assertThat(audit.audit).anyMatch(line -> line.contains("channels.stop: not called"));
    }

    @Test
    void aDeletedCalendarThatCannotBeMadeAnewNowWaitsLikeAnyFailedOpening() {
        FakeDedicatedCalendars calendars = new FakeDedicatedCalendars();
        calendars.failure = new GoogleUnavailableException("Google answered 503", null);
        GoogleGrants grants = new GoogleGrants(new FakeGoogle(), vault, audit, store, events, clock);
        GoneCalendars gone = new GoneCalendars(store, calendars, grants, events, new InMemoryMirrorJobs(store), new InMemoryInterviewMirrors(store),
                channels, audit, clock);
        WatchCalendarsService withGone = new WatchCalendarsService(channels, channels, store, google, grants, audit,
                new InMemoryTransactions(store, events), clock, () -> "https://schedulr.example/api/google/webhook", null, gone);
        google.refusedWatches.put("cal-ana", new CalendarGoneException("cal-ana", "watching calendar cal-ana: Google answered 404 notFound"));

        withGone.openChannels(NOW.plus(Duration.ofDays(1)));
        withGone.openChannels(NOW.plus(Duration.ofDays(1)));

        assertThat(calendars.calls).as("Google was asked to make it anew").hasSize(1);
        assertThat(google.attemptedWatches).as("not asked again within the back-off").containsExactly("cal-ana");
        assertThat(channels.backoffs).containsKey("ana");
    }

    @Test
    void aPersonWhoseChannelGoogleRefusesIsNotAskedAgainEveryRoundButIsSyncedByTheBackstop() {
        google.refusedWatches.put("cal-ana", new GoogleRejectedException(403, "watching calendar cal-ana: Google answered 403 forbidden"));
        Clock later = Clock.offset(clock, Duration.ofSeconds(5));

        assertThat(service.openChannels(NOW.plus(Duration.ofDays(1)))).isZero();
        assertThat(google.attemptedWatches).containsExactly("cal-ana");
        // The next round, 5 s later: Ana waits for her back-off.
        service.openChannels(NOW.plus(Duration.ofDays(1)));
        assertThat(google.attemptedWatches).as("asked again within the back-off").containsExactly("cal-ana");
        // Her calendar has a sync state, which the 15-minute backstop renews; it was never made for someone without a channel.
        assertThat(channels.syncs).containsKey("ana");
        assertThat(channels.syncs.get("ana").calendarId).isEqualTo("cal-ana");
        assertThat(channels.syncs.get("ana").requestedAt).isEqualTo(NOW);
        assertThat(later.instant()).isBefore(channels.backoffs.get("ana").retryAt());

        // Once her back-off ended she is tried again, and a second failure waits longer.
        Instant firstRetry = channels.backoffs.get("ana").retryAt();
        WatchCalendarsService afterBackoff = serviceAt(firstRetry);
        afterBackoff.openChannels(firstRetry.plus(Duration.ofDays(1)));
        assertThat(google.attemptedWatches).containsExactly("cal-ana", "cal-ana");
        assertThat(Duration.between(firstRetry, channels.backoffs.get("ana").retryAt()))
                .isGreaterThan(Duration.between(NOW, firstRetry));
    }

    @Test
    void peopleAfterAWholeBatchOfRefusedOnesStillGetTheirChannelInTheSameRound() {
        for (int i = 0; i < 25; i++) {
            String id = String.format("a-%02d", i);
            store.given(new CalendarConnection(id, id + "@example.com", ConnectionStatus.CONNECTED, null, vault.seal("refresh-" + id), "cal-" + id,
                    NOW, NOW));
            google.refusedWatches.put("cal-" + id, new GoogleRejectedException(403, "refused"));
        }
        store.given(new CalendarConnection("zoe", "zoe@example.com", ConnectionStatus.CONNECTED, null, vault.seal("refresh-zoe"), "cal-zoe",
                NOW, NOW));

        assertThat(service.openChannels(NOW.plus(Duration.ofDays(1)))).isEqualTo(2);
        assertThat(channels.channels.values()).extracting(WatchChannel::userId).containsExactlyInAnyOrder("ana", "zoe");
        assertThat(google.attemptedWatches).hasSize(27);
    }

    private WatchCalendarsService serviceAt(Instant now) {
        Clock at = Clock.fixed(now, ZoneOffset.UTC);
        GoogleGrants grants = new GoogleGrants(new FakeGoogle(), vault, audit, store, events, at);
        return new WatchCalendarsService(channels, channels, store, google, grants, audit, new InMemoryTransactions(store, events), at,
                () -> "https://schedulr.example/api/google/webhook", null);
    }
}
