package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.JobTracing;
import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.calendarsync.domain.MirrorJobStatus;
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
 * The sync and the mirror worker race each other over a room's Google event, both ways.
 * <ul>
 * <li>A sync reads Google's listing outside any transaction and judges it afterwards; the mirror worker may write the
 * event in between. What the listing shows is then older than our write and must not come back as a person's change: a
 * move back to the old time, or a fresh booking cancelled because its event was not listed yet (an event a full listing
 * leaves out is asked for by id before it counts as deleted).</li>
 * <li>A person may change the event in Google before a sync has judged it, just before the worker writes it, or between
 * its look-up and its write. What they did is taken first, never written over: the worker judges what it found, and its
 * write is conditional on the version it found (Google answers 412 otherwise, and the job looks again).</li>
 * </ul>
 * Both services here share the in-memory mirrors and the in-memory Google.
 */
class SyncRacingTheMirrorTest {
    private static final Instant START = Instant.parse("2031-03-04T10:00:00Z");
    private static final Instant LATER = START.plus(Duration.ofHours(1));
    private static final Instant FIRST_MOVE = START.plus(Duration.ofHours(3));
    private static final Instant SECOND_MOVE = START.plus(Duration.ofHours(5));

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
        worker = new RoomMirrorService(jobs, jobs, mirrors, calendar, mirrors, store, grants, new RecordingMirrorFailures(), commands,
                transactions, JobTracing.UNTRACED, clock, Duration.ofSeconds(2), Duration.ofMinutes(10), new InMemoryReminderPreferences(), true);
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
    void theHostsDeletionBetweenOurLookUpAndOurMoveIsNotWrittenOverAndCancelsTheRoom() {
        mirror(change("e1", RoomChangeKind.BOOKED, 0, START));
        syncWanted("token-1");
        calendar.afterFind = () -> calendar.delete("t", "cal-ana", "ev1", false); // the host, in Google, as we are about to move it
        mirrorRetrying(change("e2", RoomChangeKind.RESCHEDULED, 1, LATER));

        assertThat(calendar.writes).containsSubsequence("move ev1 refused (412)").doesNotContain("move ev1 notify=true");
        assertThat(mirrors.audit).contains("room-1 ana events.patch: skipped: the event was deleted in Google");
        FakeCalendarEvents.Stored deleted = calendar.events.get("ev1");
        assertThat(deleted.cancelled()).isTrue();
        assertThat(deleted.start()).as("our move did not land on the deleted event").isEqualTo(START);
        google.changes.add(page(null, "token-2", new ObservedEvent("ev1", "room-1", true, START, START.plusSeconds(1800),
                java.util.Set.of(), deleted.updated())));

        sync.syncNext();

        assertThat(commands.sent).containsExactly("room-1 cancel by ana @1");
        assertThat(mirrors.mirrors.get("room-1").cancelled()).isTrue();
    }

    @Test
    void theHostsDeletionListedWithOurMovesStampStillCancelsTheRoom() {
        mirror(change("e1", RoomChangeKind.BOOKED, 0, START));
        syncWanted("token-1");
        mirror(change("e2", RoomChangeKind.RESCHEDULED, 1, LATER));
        Instant moved = mirrors.mirrors.get("room-1").lastWriteUpdated();
        // A write not conditional on the version (Google took our move on the deleted event): listed cancelled, our stamp
        google.changes.add(page(null, "token-2", new ObservedEvent("ev1", "room-1", true, LATER, LATER.plusSeconds(1800),
                java.util.Set.of(), moved)));

        sync.syncNext();

        assertThat(commands.sent).containsExactly("room-1 cancel by ana @1");
        assertThat(mirrors.mirrors.get("room-1").cancelled()).isTrue();
    }

    @Test
    void theHostsSecondMoveBeforeAnySyncSawItIsTakenNotWrittenOver() {
        hostMovedOnceAndTheSyncTookIt();
        calendar.hostMoves("ev1", SECOND_MOVE, SECOND_MOVE.plus(Duration.ofMinutes(20))); // not synced yet

        mirror(change("e2", RoomChangeKind.RESCHEDULED, 1, FIRST_MOVE)); // the room follows the first move, at its own length

        assertThat(calendar.writes).as("nothing written over the second move").containsExactly("insert ev1 notify=true");
        assertThat(calendar.events.get("ev1").start()).isEqualTo(SECOND_MOVE);
        assertThat(commands.sent).containsExactly("room-1 reschedule " + FIRST_MOVE + " by ana @0",
                "room-1 reschedule " + SECOND_MOVE + " by ana @1");
        assertThat(jobs.job("e2").status).isEqualTo(MirrorJobStatus.DROPPED);

        mirror(change("e3", RoomChangeKind.RESCHEDULED, 2, SECOND_MOVE)); // the room follows the second move

        assertThat(calendar.writes).as("only the length is set back, and Google told the guest of the move already")
                .containsExactly("insert ev1 notify=true", "move ev1 notify=false");
        assertThat(calendar.events.get("ev1").start()).isEqualTo(SECOND_MOVE);
        assertThat(calendar.events.get("ev1").end()).isEqualTo(SECOND_MOVE.plusSeconds(1800));
    }

    @Test
    void theHostsSecondMoveBetweenOurLookUpAndOurWriteIsRefusedThenTaken() {
        hostMovedOnceAndTheSyncTookIt();
        calendar.afterFind = () -> calendar.hostMoves("ev1", SECOND_MOVE, SECOND_MOVE.plus(Duration.ofMinutes(20)));

        mirrorRetrying(change("e2", RoomChangeKind.RESCHEDULED, 1, FIRST_MOVE));

        assertThat(calendar.writes).containsExactly("insert ev1 notify=true", "move ev1 refused (412)");
        assertThat(mirrors.audit).contains("room-1 ana events.patch: 412 changed in Google since it was looked up");
        assertThat(calendar.events.get("ev1").start()).isEqualTo(SECOND_MOVE);
        assertThat(commands.sent).containsExactly("room-1 reschedule " + FIRST_MOVE + " by ana @0",
                "room-1 reschedule " + SECOND_MOVE + " by ana @1");
        assertThat(jobs.job("e2").status).isEqualTo(MirrorJobStatus.DROPPED);
        // The second move's listing, read later, is not taken twice.
        google.changes.add(page(null, "token-3", new ObservedEvent("ev1", "room-1", false, SECOND_MOVE,
                SECOND_MOVE.plus(Duration.ofMinutes(20)), java.util.Set.of(), calendar.events.get("ev1").updated())));
        syncWanted("token-2");
        sync.syncNext();
        assertThat(commands.sent).hasSize(2);
    }

    @Test
    void ourMoveWhoseAnswerWasLostIsNotTakenForTheHostsWhenTheRetryFindsIt() {
        mirror(change("e1", RoomChangeKind.BOOKED, 0, START));
        calendar.loseNextMoveAnswer = true;

        mirrorRetrying(change("e2", RoomChangeKind.RESCHEDULED, 1, LATER));

        assertThat(calendar.writes).containsExactly("insert ev1 notify=true", "move ev1 notify=true");
        assertThat(commands.sent).as("our own write is not a move of the host's").isEmpty();
        assertThat(mirrors.audit).contains("room-1 ana events.patch: skipped: Google already shows this time");
        assertThat(jobs.job("e2").status).isEqualTo(MirrorJobStatus.DONE);
        // Its listing, read later, is ours too.
        syncWanted("token-1");
        google.changes.add(page(null, "token-2", new ObservedEvent("ev1", "room-1", false, LATER, LATER.plusSeconds(1800),
                java.util.Set.of(), calendar.events.get("ev1").updated())));
        sync.syncNext();
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void anInsertWhoseAnswerWasLostIsStampedAsItWasFound() {
        calendar.loseNextInsertAnswer = true;

        mirrorRetrying(change("e1", RoomChangeKind.BOOKED, 0, START));

        assertThat(calendar.inserts).as("found again, not inserted twice").isEqualTo(1);
        // Stamped, so a listing that shows the event as inserted, read before our next move, cannot move the room back.
        assertThat(mirrors.mirrors.get("room-1").lastWriteUpdated()).isEqualTo(calendar.events.get("ev1").updated());
    }

    @Test
    void aMoveMadeInTheAppAtTheSameTimeAsTheHostsInGoogleStillWinsAndSaysWhy() {
        mirror(change("e1", RoomChangeKind.BOOKED, 0, START));
        calendar.hostMoves("ev1", SECOND_MOVE, SECOND_MOVE.plusSeconds(1800)); // not synced yet

        mirror(change("e2", RoomChangeKind.RESCHEDULED, 1, LATER)); // moved in the app meanwhile

        assertThat(commands.sent).as("the host's move is passed on (scheduling-service finds the room moved on)")
                .containsExactly("room-1 reschedule " + SECOND_MOVE + " by ana @0");
        assertThat(calendar.writes).containsExactly("insert ev1 notify=true", "move ev1 notify=true");
        assertThat(calendar.events.get("ev1").start()).isEqualTo(LATER);
        assertThat(calendar.events.get("ev1").event().description()).contains("it was changed in Schedulr while you");
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

    /** The host moved the event in Google to {@link #FIRST_MOVE}, 45 minutes long; a sync took it (the room is asked to follow). */
    private void hostMovedOnceAndTheSyncTookIt() {
        mirror(change("e1", RoomChangeKind.BOOKED, 0, START));
        calendar.hostMoves("ev1", FIRST_MOVE, FIRST_MOVE.plus(Duration.ofMinutes(45)));
        syncWanted("token-1");
        google.changes.add(page(null, "token-2", new ObservedEvent("ev1", "room-1", false, FIRST_MOVE, FIRST_MOVE.plus(Duration.ofMinutes(45)),
                java.util.Set.of(), calendar.events.get("ev1").updated())));
        sync.syncNext();
        assertThat(commands.sent).containsExactly("room-1 reschedule " + FIRST_MOVE + " by ana @0");
    }

    /** Mirrors the change, trying again (as the worker does, later) while Google refuses its write. */
    private void mirrorRetrying(RoomChange change) {
        worker.record(change);
        for (int round = 0; round < 5 && jobs.job(change.eventId()).status == MirrorJobStatus.PENDING; round++) {
            while (worker.mirrorNext()) {
                // each due job once
            }
            clock.advance(Duration.ofMinutes(10));
        }
        assertThat(jobs.job(change.eventId()).status).isNotEqualTo(MirrorJobStatus.PENDING);
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
