package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.in.ReceivePushUseCase.Outcome;
import io.schedulr.calendarsync.application.port.in.ReceivePushUseCase.Push;
import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.calendarsync.domain.ObservedEvent;
import io.schedulr.calendarsync.domain.RoomMirror;
import io.schedulr.calendarsync.domain.WatchChannel;
import io.schedulr.calendarsync.domain.WatchChannelStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.schedulr.calendarsync.application.FakeCalendarWatch.page;
import static org.assertj.core.api.Assertions.assertThat;

/** Google → app with in-memory ports: pushes believed or refused, syncs and what they send to scheduling-service. */
class CalendarSyncServiceTest {
    private static final Instant NOW = Instant.parse("2031-03-01T08:00:00Z");
    private static final Instant START = Instant.parse("2031-03-04T10:00:00Z");
    private static final Instant END = START.plusSeconds(1800);

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();
    private final RecordingConnectionEvents events = new RecordingConnectionEvents();
    private final InMemoryChannels channels = new InMemoryChannels(store);
    private final InMemoryRoomMirrors mirrors = new InMemoryRoomMirrors();
    private final FakeCalendarWatch google = new FakeCalendarWatch(NOW.plus(Duration.ofDays(7)));
    private final RecordingRoomCommands commands = new RecordingRoomCommands();
    private CalendarSyncService service;

    @BeforeEach
    void wire() {
        FakeTokenVault vault = new FakeTokenVault();
        GoogleGrants grants = new GoogleGrants(new FakeGoogle(), vault, mirrors, store, events, clock);
        service = new CalendarSyncService(channels, channels, store, mirrors, google, new FakeCalendarEvents(), grants, commands, mirrors,
                new InMemoryTransactions(store, events), clock, Duration.ofSeconds(2), Duration.ofMinutes(10));
        store.given(new CalendarConnection("ana", "ana@example.com", ConnectionStatus.CONNECTED, null, vault.seal("refresh-ana"), "cal-ana",
                NOW, NOW));
        channels.channels.put("ch-1", new WatchChannel("ch-1", "ana", "cal-ana", "res-1", "secret-token", NOW.plus(Duration.ofDays(7)),
                WatchChannelStatus.ACTIVE, null));
        mirrors.save(new RoomMirror("room-1", "uid-1", "ev-1", "ana", "cal-ana", 3, false, START, END, "bo@example.com", "bo", false));
    }

    @Test
    void onlyALiveChannelWithItsTokenIsBelievedAndABurstIsOneSync() {
        assertThat(service.receive(new Push("ch-unknown", "secret-token", "res-1", "exists"))).isEqualTo(Outcome.UNKNOWN_CHANNEL);
        assertThat(service.receive(new Push("ch-1", "secret-tokeN", "res-1", "exists"))).isEqualTo(Outcome.FORGED);
        assertThat(service.receive(new Push("ch-1", null, "res-1", "exists"))).isEqualTo(Outcome.FORGED);
        assertThat(service.receive(new Push("ch-1", "secret-token", "res-other", "exists"))).isEqualTo(Outcome.FORGED);
        assertThat(channels.syncs).isEmpty();

        assertThat(service.receive(new Push("ch-1", "secret-token", "res-1", "sync"))).isEqualTo(Outcome.CHANNEL_CONFIRMED);
        assertThat(channels.channels.get("ch-1").confirmedAt()).isEqualTo(NOW);
        assertThat(channels.syncs).isEmpty();

        for (int i = 0; i < 3; i++) {
            assertThat(service.receive(new Push("ch-1", "secret-token", "res-1", "exists"))).isEqualTo(Outcome.SYNC_REQUESTED);
        }
        assertThat(service.syncNext()).isTrue();
        assertThat(service.syncNext()).isFalse();
        assertThat(google.listings).containsExactly("full");
    }

    @Test
    void aSyncThatFindsTheDedicatedCalendarDeletedMakesItAnewAndSyncsThat() {
        FakeDedicatedCalendars calendars = new FakeDedicatedCalendars();
        calendars.deletedInGoogle.add("cal-ana");
        InMemoryMirrorJobs rooms = new InMemoryMirrorJobs(store);
        GoogleGrants grants = new GoogleGrants(new FakeGoogle(), new FakeTokenVault(), mirrors, store, events, clock);
        GoneCalendars gone = new GoneCalendars(store, calendars, grants, events, rooms, new InMemoryInterviewMirrors(store), channels, mirrors,
                clock);
        CalendarSyncService withGone = new CalendarSyncService(channels, channels, store, mirrors, google, new FakeCalendarEvents(), grants,
                commands, mirrors, new InMemoryTransactions(store, events), clock, Duration.ofSeconds(2), Duration.ofMinutes(10), gone);
        // Google's not_exists push for the deleted calendar asks for a sync; its listing answers 404 for the calendar itself.
        assertThat(withGone.receive(new Push("ch-1", "secret-token", "res-1", "not_exists"))).isEqualTo(Outcome.SYNC_REQUESTED);
        channels.syncs.get("ana").token = "token-1";
        google.changes.add(new CalendarGoneException("cal-ana", "listing calendar cal-ana: Google answered 404 notFound"));

        withGone.syncNext();

        String made = channels.syncs.get("ana").calendarId;
        assertThat(made).as("the sync now reads the new calendar").isNotEqualTo("cal-ana").startsWith("schedulr-meetings-");
        assertThat(channels.syncs.get("ana").attempts).as("not a failed sync to back off").isZero();
        assertThat(rooms.requeuedOnto).containsExactly("ana → " + made);
        assertThat(events.published()).as("announced as connected to it").anySatisfy(e -> assertThat(e.toString()).contains(made));
    }

    @Test
    void aMoveSeenInAnIncrementalSyncIsSentOnceAndTheNextTokenKept() {
        channels.request("ana", "cal-ana", NOW);
        channels.syncs.get("ana").token = "token-1";
        google.changes.add(page("p2", null, new ObservedEvent("ev-other", null, false, START, END)));
        google.changes.add(page(null, "token-2", new ObservedEvent("ev-1", "room-1", false, START.plusSeconds(3600), END.plusSeconds(3600))));

        service.syncNext();

        assertThat(google.listings).containsExactly("sync token-1", "sync token-1 page p2");
        assertThat(commands.sent).containsExactly("room-1 reschedule " + START.plusSeconds(3600) + " by ana @3");
        assertThat(channels.syncs.get("ana").token).isEqualTo("token-2");
        assertThat(mirrors.mirrors.get("room-1").startUtc()).isEqualTo(START.plusSeconds(3600));
        assertThat(mirrors.mirrors.get("room-1").lastSequence()).as("the sequence the room has once it follows").isEqualTo(4);

        // Seen again (the next change on the calendar lists it once more): nothing new to send.
        channels.request("ana", "cal-ana", NOW);
        google.changes.add(page(null, "token-3", new ObservedEvent("ev-1", "room-1", false, START.plusSeconds(3600), END.plusSeconds(3600))));
        service.syncNext();
        assertThat(commands.sent).hasSize(1);
    }

    @Test
    void theGuestDecliningIsSentOnceAsTheGuestsRelease() {
        channels.request("ana", "cal-ana", NOW);
        channels.syncs.get("ana").token = "token-1";
        ObservedEvent declined = new ObservedEvent("ev-1", "room-1", false, START, END, java.util.Set.of("bo@example.com"));
        google.changes.add(page(null, "token-2", declined));
        service.syncNext();
        channels.request("ana", "cal-ana", NOW);
        google.changes.add(page(null, "token-3", declined));
        service.syncNext();

        assertThat(commands.sent).containsExactly("room-1 release by bo @3");
        assertThat(mirrors.mirrors.get("room-1").releaseAsked()).isTrue();
    }

    @Test
    void aDeletionListedWithItsEventIdAloneCancelsTheRoomOnce() {
        channels.request("ana", "cal-ana", NOW);
        channels.syncs.get("ana").token = "token-1";
        // As Google lists a deleted event in an incremental sync without showDeleted: its id and status, no properties.
        ObservedEvent deleted = new ObservedEvent("ev-1", null, true, null, null);
        google.changes.add(page(null, "token-2", deleted));

        service.syncNext();

        assertThat(commands.sent).containsExactly("room-1 cancel by ana @3");
        assertThat(mirrors.mirrors.get("room-1").cancelled()).isTrue();
        assertThat(mirrors.audit).contains("room-1 ana google.deleted: the host deleted its event; sent to scheduling");

        // Listed again (the next change on the calendar): judged once.
        channels.request("ana", "cal-ana", NOW);
        google.changes.add(page(null, "token-3", deleted));
        service.syncNext();
        assertThat(commands.sent).hasSize(1);
    }

    @Test
    void ourOwnWriteComingBackAndEventsWeDidNotMakeAreLeftAlone() {
        channels.request("ana", "cal-ana", NOW);
        channels.syncs.get("ana").token = "token-1";
        google.changes.add(page(null, "token-2",
                new ObservedEvent("ev-1", "room-1", false, START, END),
                new ObservedEvent("ev-lunch", null, true, null, null),
                new ObservedEvent("ev-forged", "room-1", true, null, null)));

        service.syncNext();

        assertThat(commands.sent).isEmpty();
        assertThat(mirrors.mirrors.get("room-1").cancelled()).isFalse();
    }

    @Test
    void aRefusedSyncTokenLeadsToAFullSyncWhoseDiffFindsTheDeletedEvent() {
        channels.request("ana", "cal-ana", NOW);
        channels.syncs.get("ana").token = "token-old";
        google.changes.add(new SyncTokenExpiredException("410"));
        google.full.add(page(null, "token-new", new ObservedEvent("ev-unrelated", null, false, START, END)));

        service.syncNext();

        assertThat(google.listings).containsExactly("sync token-old", "full");
        assertThat(commands.sent).containsExactly("room-1 cancel by ana @3");
        assertThat(mirrors.mirrors.get("room-1").cancelled()).isTrue();
        assertThat(channels.syncs.get("ana").token).isEqualTo("token-new");
    }

    @Test
    void googleUnavailableKeepsTheSyncWantedWithABackoff() {
        channels.request("ana", "cal-ana", NOW);
        channels.syncs.get("ana").token = "token-1";
        google.changes.add(new GoogleUnavailableException("HTTP 503", null));

        service.syncNext();

        InMemoryChannels.Sync sync = channels.syncs.get("ana");
        assertThat(sync.attempts).isEqualTo(1);
        assertThat(sync.requestedAt).isBetween(NOW.plusMillis(1000), NOW.plusMillis(3000));
        assertThat(sync.token).isEqualTo("token-1");
        assertThat(mirrors.audit).anyMatch(line -> line.contains("events.list(sync): unavailable"));
    }

    @Test
    void aPushWhileASyncBacksOffDoesNotBringItsRetryForward() {
        channels.request("ana", "cal-ana", NOW);
        channels.syncs.get("ana").token = "token-1";
        google.changes.add(new GoogleUnavailableException("HTTP 429 rateLimitExceeded", null));
        service.syncNext();
        Instant retry = channels.syncs.get("ana").requestedAt;

        assertThat(service.receive(new Push("ch-1", "secret-token", "res-1", "exists"))).isEqualTo(Outcome.SYNC_REQUESTED);

        assertThat(channels.syncs.get("ana").requestedAt).isEqualTo(retry);
        assertThat(service.syncNext()).as("Google is not asked again before the backoff ends").isFalse();
        assertThat(google.listings).containsExactly("sync token-1");
    }
}
