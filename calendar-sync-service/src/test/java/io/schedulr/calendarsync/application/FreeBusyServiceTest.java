package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.in.ReadFreeBusyUseCase.FreeBusy;
import io.schedulr.calendarsync.application.port.in.ReadFreeBusyUseCase.FreeBusyQuery;
import io.schedulr.calendarsync.application.port.in.ReadFreeBusyUseCase.InvalidQueryException;
import io.schedulr.calendarsync.application.port.in.ReceivePushUseCase.Outcome;
import io.schedulr.calendarsync.application.port.in.ReceivePushUseCase.Push;
import io.schedulr.calendarsync.domain.BusyInterval;
import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.ConnectionChange;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.calendarsync.domain.DisconnectReason;
import io.schedulr.calendarsync.domain.WatchChannel;
import io.schedulr.calendarsync.domain.WatchChannelStatus;
import io.schedulr.testsupport.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The caller's free/busy with in-memory ports: who is asked about, merging, the cache and what ends it, Google failing. */
class FreeBusyServiceTest {
    private static final Instant NOW = Instant.parse("2031-03-01T08:00:00Z");
    private static final Instant FROM = Instant.parse("2031-03-04T08:00:00Z");
    private static final Instant TO = Instant.parse("2031-03-04T18:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(60);
    private static final Person ANA = new Person("ana", "ana@example.com", "UTC");

    private final SettableClock clock = new SettableClock(NOW);
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();
    private final RecordingConnectionEvents events = new RecordingConnectionEvents();
    private final InMemoryChannels channels = new InMemoryChannels(store);
    private final FakeGoogle oauth = new FakeGoogle();
    private final FakeTokenVault vault = new FakeTokenVault();
    private final FakeFreeBusyCalendars google = new FakeFreeBusyCalendars();
    private final List<String> audited = new ArrayList<>();
    private FreeBusyService service;
    private CalendarSyncService pushes;

    @BeforeEach
    void wire() {
        InMemoryTransactions transactions = new InMemoryTransactions(store, events);
        GoogleGrants grants = new GoogleGrants(oauth, vault, (room, person, operation, outcome) -> audited.add(person + " " + operation + " " + outcome),
                store, events, clock);
        service = new FreeBusyService(store, channels, google, grants, (room, person, operation, outcome) -> audited.add(person + " " + operation
                + " " + outcome), transactions, clock, TTL);
        InMemoryRoomMirrors mirrors = new InMemoryRoomMirrors();
        pushes = new CalendarSyncService(channels, channels, store, mirrors, new FakeCalendarWatch(NOW.plus(Duration.ofDays(7))), new FakeCalendarEvents(), grants,
                new RecordingRoomCommands(), mirrors, transactions, clock, Duration.ofSeconds(2), Duration.ofMinutes(10));
        store.given(new CalendarConnection("ana", "ana@example.com", ConnectionStatus.CONNECTED, null, vault.seal("refresh-ana"), "cal-ana",
                NOW.minus(Duration.ofDays(3)), NOW));
        channels.channels.put("ch-ana", new WatchChannel("ch-ana", "ana", "cal-ana", "res-1", "secret", NOW.plus(Duration.ofDays(7)),
                WatchChannelStatus.ACTIVE, NOW));
    }

    @Test
    void busyTimesOfAllCalendarsComeBackMergedSortedAndClippedToTheRange() {
        google.busyOf.put("refresh-ana", List.of(
                busy("2031-03-04T15:00:00Z", "2031-03-04T16:00:00Z"),      // dedicated calendar
                busy("2031-03-04T07:00:00Z", "2031-03-04T09:00:00Z"),      // primary, starts before the range
                busy("2031-03-04T15:30:00Z", "2031-03-04T17:00:00Z"),      // another calendar, overlapping
                busy("2031-03-04T17:00:00Z", "2031-03-04T17:30:00Z"),      // touching: one stretch
                busy("2031-03-04T17:45:00Z", "2031-03-04T19:00:00Z")));    // ends after the range

        FreeBusy answer = service.freeBusyOf(ANA, new FreeBusyQuery(FROM, TO));

        assertThat(answer.connected()).isTrue();
        assertThat(answer.busy()).containsExactly(
                busy("2031-03-04T08:00:00Z", "2031-03-04T09:00:00Z"),
                busy("2031-03-04T15:00:00Z", "2031-03-04T17:30:00Z"),
                busy("2031-03-04T17:45:00Z", "2031-03-04T18:00:00Z"));
        assertThat(google.asked).singleElement().satisfies(q -> assertThat(q).endsWith("refresh-ana " + FROM + " " + TO));
    }

    @Test
    void someoneWithoutAUsableConnectionIsNotConnectedAndGoogleIsNotAsked() {
        Person never = new Person("nia", "nia@example.com", "UTC");
        store.given(new CalendarConnection("dan", "dan@example.com", ConnectionStatus.NOT_CONNECTED, DisconnectReason.USER, null, "cal-dan",
                null, null));
        store.given(new CalendarConnection("rev", "rev@example.com", ConnectionStatus.REVOKED, DisconnectReason.REVOKED, null, "cal-rev",
                null, null));

        for (Person person : List.of(never, new Person("dan", "dan@example.com", "UTC"), new Person("rev", "rev@example.com", "UTC"))) {
            assertThat(service.freeBusyOf(person, new FreeBusyQuery(FROM, TO))).isEqualTo(FreeBusy.notConnected());
        }
        assertThat(google.asked).isEmpty();
        assertThat(oauth.refreshed).isEmpty();
    }

    @Test
    void aRepeatedQuestionIsAnsweredFromTheCacheUntilItExpires() {
        google.busyOf.put("refresh-ana", List.of(busy("2031-03-04T10:00:00Z", "2031-03-04T11:00:00Z")));
        service.freeBusyOf(ANA, new FreeBusyQuery(FROM, TO));
        google.busyOf.put("refresh-ana", List.of(busy("2031-03-04T12:00:00Z", "2031-03-04T13:00:00Z")));

        clock.advance(TTL.minusSeconds(1));
        assertThat(service.freeBusyOf(ANA, new FreeBusyQuery(FROM, TO)).busy()).containsExactly(busy("2031-03-04T10:00:00Z", "2031-03-04T11:00:00Z"));
        assertThat(google.asked).hasSize(1);
        assertThat(service.freeBusyOf(ANA, new FreeBusyQuery(FROM, TO.plusSeconds(60))).busy()).as("another range is another question")
                .containsExactly(busy("2031-03-04T12:00:00Z", "2031-03-04T13:00:00Z"));

        clock.advance(Duration.ofSeconds(1));
        assertThat(service.freeBusyOf(ANA, new FreeBusyQuery(FROM, TO)).busy()).containsExactly(busy("2031-03-04T12:00:00Z", "2031-03-04T13:00:00Z"));
        assertThat(google.asked).hasSize(3);
    }

    @Test
    void aGooglePushAboutThePersonsCalendarMakesTheNextQuestionGoToGoogle() {
        google.busyOf.put("refresh-ana", List.of());
        assertThat(service.freeBusyOf(ANA, new FreeBusyQuery(FROM, TO)).busy()).isEmpty();
        google.busyOf.put("refresh-ana", List.of(busy("2031-03-04T10:00:00Z", "2031-03-04T11:00:00Z")));
        assertThat(service.freeBusyOf(ANA, new FreeBusyQuery(FROM, TO)).busy()).as("cached").isEmpty();

        assertThat(pushes.receive(new Push("ch-ana", "wrong", "res-1", "exists"))).isEqualTo(Outcome.FORGED);
        assertThat(service.freeBusyOf(ANA, new FreeBusyQuery(FROM, TO)).busy()).as("a forged push changes nothing").isEmpty();
        assertThat(pushes.receive(new Push("ch-ana", "secret", "res-1", "exists"))).isEqualTo(Outcome.SYNC_REQUESTED);

        assertThat(service.freeBusyOf(ANA, new FreeBusyQuery(FROM, TO)).busy()).containsExactly(busy("2031-03-04T10:00:00Z", "2031-03-04T11:00:00Z"));
        assertThat(google.asked).hasSize(2);
    }

    @Test
    void anAnswerFromAnEarlierConnectionIsNotUsedAfterReconnecting() {
        google.busyOf.put("refresh-ana", List.of(busy("2031-03-04T10:00:00Z", "2031-03-04T11:00:00Z")));
        service.freeBusyOf(ANA, new FreeBusyQuery(FROM, TO));
        store.given(new CalendarConnection("ana", "ana@example.com", ConnectionStatus.CONNECTED, null, vault.seal("refresh-ana"), "cal-ana",
                NOW, NOW));
        google.busyOf.put("refresh-ana", List.of());

        assertThat(service.freeBusyOf(ANA, new FreeBusyQuery(FROM, TO)).busy()).isEmpty();
        assertThat(google.asked).hasSize(2);
    }

    @Test
    void googleFailingIsUnavailableAndNothingIsCached() {
        google.failure = new GoogleUnavailableException("free/busy failed: HTTP 503", null);

        assertThatThrownBy(() -> service.freeBusyOf(ANA, new FreeBusyQuery(FROM, TO))).isInstanceOf(GoogleUnavailableException.class);
        google.failure = new GoogleRejectedException(403, "asking Google for free/busy: Google answered 403 Forbidden");
        assertThatThrownBy(() -> service.freeBusyOf(ANA, new FreeBusyQuery(FROM, TO))).isInstanceOf(GoogleUnavailableException.class);
        assertThat(audited).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("ana freeBusy.query "));

        google.failure = null;
        google.busyOf.put("refresh-ana", List.of(busy("2031-03-04T10:00:00Z", "2031-03-04T11:00:00Z")));
        assertThat(service.freeBusyOf(ANA, new FreeBusyQuery(FROM, TO)).busy()).hasSize(1);
        assertThat(store.row("ana").status()).isEqualTo(ConnectionStatus.CONNECTED);
    }

    @Test
    void aRevokedGrantMarksThePersonRevokedAsEverywhereAndAnswersNotConnected() {
        oauth.refreshFailures.put("refresh-ana", new GrantRevokedException("Google: Token has been expired or revoked."));

        assertThat(service.freeBusyOf(ANA, new FreeBusyQuery(FROM, TO))).isEqualTo(FreeBusy.notConnected());

        assertThat(store.row("ana").status()).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(events.published()).containsExactly(
                new ConnectionChange("ana", "ana@example.com", ConnectionStatus.REVOKED, DisconnectReason.REVOKED, null));
        assertThat(google.asked).isEmpty();
        assertThat(service.freeBusyOf(ANA, new FreeBusyQuery(FROM, TO))).isEqualTo(FreeBusy.notConnected());
        assertThat(oauth.refreshed).hasSize(1);
    }

    @Test
    void aRangeThatCannotBeAskedAboutSaysWhichRuleItBreaks() {
        assertThat(problem(null, TO)).isEqualTo(InvalidQueryException.Problem.START_MISSING);
        assertThat(problem(FROM, null)).isEqualTo(InvalidQueryException.Problem.END_MISSING);
        assertThat(problem(FROM, FROM)).isEqualTo(InvalidQueryException.Problem.END_NOT_AFTER_START);
        assertThat(problem(TO, FROM)).isEqualTo(InvalidQueryException.Problem.END_NOT_AFTER_START);
        assertThat(problem(FROM, FROM.plus(Duration.ofDays(62)).plusSeconds(1))).isEqualTo(InvalidQueryException.Problem.RANGE_TOO_LONG);
        assertThat(new FreeBusyQuery(FROM, FROM.plus(Duration.ofDays(62))).end()).isEqualTo(FROM.plus(Duration.ofDays(62)));
    }

    private static InvalidQueryException.Problem problem(Instant start, Instant end) {
        try {
            new FreeBusyQuery(start, end);
            throw new AssertionError("accepted " + start + " … " + end);
        } catch (InvalidQueryException e) {
            return e.problem();
        }
    }

    private static BusyInterval busy(String start, String end) {
        return new BusyInterval(Instant.parse(start), Instant.parse(end));
    }
}
