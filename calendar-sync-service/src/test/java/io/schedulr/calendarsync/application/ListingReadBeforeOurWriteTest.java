package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.JobTracing;
import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.calendarsync.domain.ObservedEvent;
import io.schedulr.calendarsync.domain.RoomChange;
import io.schedulr.calendarsync.domain.RoomChangeKind;
import io.schedulr.testsupport.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.schedulr.calendarsync.application.FakeCalendarWatch.page;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sync reads Google's listing outside any transaction and judges it afterwards; the mirror worker may write the room's
 * event in between. What the listing shows of the event is then older than our write and must not come back as a
 * person's change: a move back to the old time, or a fresh booking cancelled because its event was not listed yet (an event
 * a full listing leaves out is asked for by id before it counts as deleted).
 * Both services here share the in-memory mirrors, and the worker runs while the sync's listing is being read.
 */
class ListingReadBeforeOurWriteTest {
    private static final Instant START = Instant.parse("2031-03-04T10:00:00Z");
    private static final Instant LATER = START.plus(Duration.ofHours(1));

    private final SettableClock clock = new SettableClock(Instant.parse("2031-03-01T08:00:00Z"));
    private final FakeTokenVault vault = new FakeTokenVault();
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();
    private final RecordingConnectionEvents events = new RecordingConnectionEvents();
    private final InMemoryRoomMirrors mirrors = new InMemoryRoomMirrors();
    private final InMemoryChannels channels = new InMemoryChannels(store);
    private final InMemoryMirrorJobs jobs = new InMemoryMirrorJobs(store);
    private final FakeCalendarEvents calendar = new FakeCalendarEvents();
    private final FakeCalendarWatch google = new FakeCalendarWatch(clock.instant().plus(Duration.ofDays(7)));
    private final RecordingRoomCommands commands = new RecordingRoomCommands();
    private RoomMirrorService worker;
    private CalendarSyncService sync;

    @BeforeEach
    void wire() {
        GoogleGrants grants = new GoogleGrants(new FakeGoogle(), vault, mirrors, store, events, clock);
        InMemoryTransactions transactions = new InMemoryTransactions(store, events);
        worker = new RoomMirrorService(jobs, jobs, mirrors, calendar, mirrors, store, grants, new RecordingMirrorFailures(), transactions,
                JobTracing.UNTRACED, clock, Duration.ofSeconds(2), Duration.ofMinutes(10), new InMemoryReminderPreferences(), true);
        sync = new CalendarSyncService(channels, channels, store, mirrors, google, calendar, grants, commands, mirrors, transactions, clock,
                Duration.ofSeconds(2), Duration.ofMinutes(10));
        store.given(new CalendarConnection("ana", "ana@example.com", ConnectionStatus.CONNECTED, null, vault.seal("refresh-ana"), "cal-ana",
                clock.instant(), clock.instant()));
    }

    @Test
    void aListingReadBeforeOurMoveDoesNotMoveTheRoomBack() {
        mirror(change("e1", RoomChangeKind.BOOKED, 0, START));
        Instant inserted = mirrors.mirrors.get("room-1").lastWriteUpdated();
        syncWanted("token-1");
        google.changes.add(page(null, "token-2", event(START, inserted)));
        google.whileListing = () -> mirror(change("e2", RoomChangeKind.RESCHEDULED, 1, LATER));

        sync.syncNext();

        assertThat(calendar.events.get("ev1").start()).isEqualTo(LATER);
        assertThat(commands.sent).as("the listing showed the event before our move").isEmpty();
        assertThat(mirrors.mirrors.get("room-1").startUtc()).isEqualTo(LATER);
    }

    @Test
    void theHostsMoveAfterOurWriteIsStillTaken() {
        mirror(change("e1", RoomChangeKind.BOOKED, 0, START));
        Instant inserted = mirrors.mirrors.get("room-1").lastWriteUpdated();
        syncWanted("token-1");
        google.changes.add(page(null, "token-2", event(LATER, inserted.plusMillis(1))));

        sync.syncNext();

        assertThat(commands.sent).containsExactly("room-1 reschedule " + LATER + " by ana @0");
    }

    @Test
    void theHostsDeletionBetweenOurLookUpAndOurMoveStillCancelsTheRoom() {
        mirror(change("e1", RoomChangeKind.BOOKED, 0, START));
        syncWanted("token-1");
        calendar.afterFind = () -> calendar.delete("t", "cal-ana", "ev1", false); // the host, in Google, as we are about to move it
        mirror(change("e2", RoomChangeKind.RESCHEDULED, 1, LATER));
        Instant moved = mirrors.mirrors.get("room-1").lastWriteUpdated();
        // Google took our move on the deleted event: it lists it cancelled, stamped with our write
        google.changes.add(page(null, "token-2", new ObservedEvent("ev1", "room-1", true, LATER, LATER.plusSeconds(1800),
                java.util.Set.of(), moved)));

        sync.syncNext();

        assertThat(calendar.events.get("ev1").cancelled()).isTrue();
        assertThat(commands.sent).containsExactly("room-1 cancel by ana @1");
        assertThat(mirrors.mirrors.get("room-1").cancelled()).isTrue();
    }

    @Test
    void theGuestsDeclineJustBeforeOurMoveStillReleasesTheBooking() {
        mirror(withGuestId(change("e1", RoomChangeKind.BOOKED, 0, START)));
        syncWanted("token-1");
        mirror(withGuestId(change("e2", RoomChangeKind.RESCHEDULED, 1, LATER)));
        Instant moved = mirrors.mirrors.get("room-1").lastWriteUpdated();
        // Bo declined in Google as we moved the event: the listing shows the decline stamped with our write
        google.changes.add(page(null, "token-2", new ObservedEvent("ev1", "room-1", false, LATER, LATER.plusSeconds(1800),
                java.util.Set.of("bo@example.com"), moved)));

        sync.syncNext();

        assertThat(commands.sent).containsExactly("room-1 release by bo-id @1");
    }

    @Test
    void aFullListingBegunBeforeTheEventWasInsertedDoesNotCancelTheBooking() {
        syncWanted(null);
        google.whileListing = () -> mirror(change("e1", RoomChangeKind.BOOKED, 0, START));

        sync.syncNext();

        assertThat(google.listings).containsExactly("full");
        assertThat(calendar.events).containsKey("ev1");
        assertThat(commands.sent).as("the listing's page was read before the event existed").isEmpty();
        assertThat(mirrors.mirrors.get("room-1").cancelled()).isFalse();
    }

    @Test
    void anEventAFullListingLeavesOutAndGoogleNoLongerHasWasDeletedThere() {
        mirror(change("e1", RoomChangeKind.BOOKED, 0, START));
        calendar.delete("t", "cal-ana", "ev1", false); // the host deleted it in Google
        syncWanted(null);

        sync.syncNext();

        assertThat(commands.sent).containsExactly("room-1 cancel by ana @0");
        assertThat(mirrors.audit).contains("room-1 ana events.find(left out of a full listing): ok (gone)");
    }

    @Test
    void anEventGoogleRefusesToLookUpIsLeftAsItIsAndTheSyncGoesOn() {
        mirror(change("e1", RoomChangeKind.BOOKED, 0, START));
        calendar.delete("t", "cal-ana", "ev1", false);
        syncWanted(null);
        calendar.failures.add(new GoogleRejectedException(400, "Bad Request"));

        sync.syncNext();

        assertThat(commands.sent).isEmpty();
        assertThat(channels.syncs.get("ana").attempts).as("the sync itself did not fail").isZero();
        assertThat(channels.syncs.get("ana").token).isEqualTo("token-full");
        assertThat(mirrors.audit).anyMatch(line -> line.startsWith("room-1 ana events.find(left out of a full listing): "));
    }

    private void mirror(RoomChange change) {
        worker.record(change);
        while (worker.mirrorNext()) {
            assertThat(jobs.job(change.eventId()).attempts).isZero();
        }
    }

    private void syncWanted(String token) {
        channels.request("ana", "cal-ana", clock.instant());
        channels.syncs.get("ana").token = token;
    }

    private static ObservedEvent event(Instant start, Instant updated) {
        return new ObservedEvent("ev1", "room-1", false, start, start.plusSeconds(1800), java.util.Set.of(), updated);
    }

    private static RoomChange withGuestId(RoomChange c) {
        return new RoomChange(c.eventId(), c.kind(), c.roomId(), c.sequence(), c.icsUid(), c.hostId(), c.timeZone(), c.guestEmail(),
                c.guestName(), c.title(), c.roomUrl(), c.startUtc(), c.endUtc(), null, "bo-id");
    }

    private static RoomChange change(String eventId, RoomChangeKind kind, int sequence, Instant start) {
        return new RoomChange(eventId, kind, "room-1", sequence, "uid-room-1@schedulr", "ana", "Europe/Berlin", "bo@example.com", "Bo",
                "Mentoring", "https://rooms.example/room-1", start, start.plusSeconds(1800));
    }
}
