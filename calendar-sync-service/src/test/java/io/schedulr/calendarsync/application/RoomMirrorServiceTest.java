package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.CalendarEvents;
import io.schedulr.testsupport.SettableClock;

import io.schedulr.calendarsync.application.port.out.JobTracing;

import io.schedulr.calendarsync.application.port.in.RecordRoomChangeUseCase.Outcome;
import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.calendarsync.domain.DisconnectReason;
import io.schedulr.calendarsync.domain.MirrorJobStatus;
import io.schedulr.calendarsync.domain.RoomChange;
import io.schedulr.calendarsync.domain.RoomChangeKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Room changes onto the host's Google calendar, with in-memory ports. */
class RoomMirrorServiceTest {
    private static final Instant START = Instant.parse("2031-03-04T10:00:00Z");

    private final SettableClock clock = new SettableClock(Instant.parse("2031-03-01T08:00:00Z"));
    private final FakeGoogle google = new FakeGoogle();
    private final FakeTokenVault vault = new FakeTokenVault();
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();
    private final RecordingConnectionEvents events = new RecordingConnectionEvents();
    private final InMemoryMirrorJobs jobs = new InMemoryMirrorJobs(store);
    private final InMemoryRoomMirrors mirrors = new InMemoryRoomMirrors();
    private final FakeCalendarEvents calendar = new FakeCalendarEvents();
    private final RecordingMirrorFailures failures = new RecordingMirrorFailures();
    private RoomMirrorService service;
    private final InMemoryReminderPreferences reminders = new InMemoryReminderPreferences();
    private final RecordingRoomCommands commands = new RecordingRoomCommands();

    @BeforeEach
    void wire() {
        service = new RoomMirrorService(jobs, jobs, mirrors, calendar, mirrors, store, new GoogleGrants(google, vault, mirrors, store, events, clock),
                failures, commands, new InMemoryTransactions(store, events), JobTracing.UNTRACED, clock, Duration.ofSeconds(2),
                Duration.ofMinutes(10), reminders, true);
        store.given(new CalendarConnection("ana", "ana@example.com", ConnectionStatus.CONNECTED, null, vault.seal("refresh-ana"),
                "cal-ana", clock.instant(), clock.instant()));
    }

    @Test
    void aBookingBecomesOneEventWithTheGuestEvenWhenDeliveredAgain() {
        assertThat(service.record(change("e1", RoomChangeKind.BOOKED, 0, START))).isEqualTo(Outcome.QUEUED);
        assertThat(service.record(change("e1", RoomChangeKind.BOOKED, 0, START))).isEqualTo(Outcome.DUPLICATE);
        drain();
        // The same booking again under another id (a replay from the producer): found, not inserted again.
        service.record(change("e1-replayed", RoomChangeKind.BOOKED, 0, START));
        drain();

        assertThat(calendar.inserts).isEqualTo(1);
        FakeCalendarEvents.Stored event = calendar.events.get("ev1");
        assertThat(event.calendarId()).isEqualTo("cal-ana");
        assertThat(event.event().guestEmail()).isEqualTo("bo@example.com");
        assertThat(event.event().icsUid()).isEqualTo("uid-room-1@schedulr");
        assertThat(event.event().timeZone()).isEqualTo("Europe/Berlin");
        assertThat(event.event().description()).contains("https://rooms.example/room-1");
        assertThat(event.event().location()).as("Google shows the room's link as the event's place").isEqualTo("https://rooms.example/room-1");
        assertThat(mirrors.mirrors.get("room-1").googleEventId()).isEqualTo("ev1");
        assertThat(jobs.job("e1").status).isEqualTo(MirrorJobStatus.DONE);
        // One access token for all of it: refreshed once, then kept until shortly before it expires.
        assertThat(google.refreshed).containsExactly("refresh-ana");
    }

    @Test
    void theHostsEventCarriesTheHostsReminderMinutesTheContractsDefaultsWithoutARecord() {
        service.record(change("e1", RoomChangeKind.BOOKED, 0, START));
        drain();
        assertThat(calendar.events.get("ev1").event().reminderMinutes()).containsExactly(60, 10);

        reminders.save("ana", java.util.List.of(1440, 15), "popup", "prefs-1");
        FakeCalendarEvents.Stored first = calendar.events.get("ev1");
        service.record(change("e2", RoomChangeKind.CANCELLED, 1, START));
        drain();
        assertThat(calendar.events.get("ev1").event())
                .as("the room mirror does not rewrite a written event for new preferences (ReminderPreferencesService patches them)")
                .isEqualTo(first.event());
    }

    @Test
    void aRescheduleMovesTheEventAndACancellationDeletesItALateRescheduleIsDroppedAndAudited() {
        service.record(change("e1", RoomChangeKind.BOOKED, 0, START));
        service.record(change("e2", RoomChangeKind.RESCHEDULED, 1, START.plusSeconds(3600)));
        service.record(change("e3", RoomChangeKind.CANCELLED, 2, START.plusSeconds(3600)));
        drain();
        // A reschedule that arrives after the cancellation was applied (redelivered late).
        service.record(change("e4", RoomChangeKind.RESCHEDULED, 1, START.plusSeconds(7200)));
        drain();

        FakeCalendarEvents.Stored event = calendar.events.get("ev1");
        assertThat(event.start()).isEqualTo(START.plusSeconds(3600));
        assertThat(event.cancelled()).isTrue();
        assertThat(calendar.inserts).isEqualTo(1);
        assertThat(jobs.job("e4").status).isEqualTo(MirrorJobStatus.DROPPED);
        assertThat(mirrors.audit).anyMatch(line -> line.startsWith("room-1 ana rescheduled: dropped"));
        assertThat(mirrors.audit).contains("room-1 ana events.patch: ok", "room-1 ana events.delete: ok");
        // The host is connected: Google tells the guest of each change.
        assertThat(calendar.writes).containsExactly("insert ev1 notify=true", "move ev1 notify=true", "delete ev1 notify=true");
        assertThat(failures.published).isEmpty();
    }

    @Test
    void googleUnavailableLeavesTheJobPendingWithABackoffThenItLandsOnce() {
        calendar.failures.add(new GoogleUnavailableException("HTTP 500", null));
        service.record(change("e1", RoomChangeKind.BOOKED, 0, START));

        assertThat(service.mirrorNext()).isTrue();
        InMemoryMirrorJobs.Job job = jobs.job("e1");
        assertThat(job.status).isEqualTo(MirrorJobStatus.PENDING);
        assertThat(job.attempts).isEqualTo(1);
        assertThat(job.due).isBetween(clock.instant().plusMillis(1000), clock.instant().plusMillis(3000));
        assertThat(service.mirrorNext()).isFalse();

        clock.advance(Duration.ofSeconds(3));
        drain();
        assertThat(job.status).isEqualTo(MirrorJobStatus.DONE);
        assertThat(calendar.inserts).isEqualTo(1);
        assertThat(mirrors.audit).anyMatch(line -> line.startsWith("room-1 ana events.find: unavailable"));
    }

    @Test
    void aRevokedGrantMarksTheHostRevokedAnnouncesTheChangeOnceAndMirrorsItSilentlyAfterTheyReconnect() {
        google.refreshFailures.put("refresh-ana", new GrantRevokedException("Token has been expired or revoked."));
        assertThat(service.record(change("e1", RoomChangeKind.BOOKED, 0, START))).isEqualTo(Outcome.QUEUED);
        assertThat(jobs.job("e1").silent).isFalse();
        drain();

        assertThat(store.row("ana").status()).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(events.published()).hasSize(1);
        assertThat(jobs.job("e1").status).isEqualTo(MirrorJobStatus.PENDING);
        assertThat(calendar.inserts).isZero();
        // Google tells the guest nothing now: announced, so the participants are emailed instead; and silent from now on.
        assertThat(failures.published).containsExactly("e1 revoked");
        assertThat(jobs.job("e1").silent).isTrue();
        assertThat(service.mirrorNext()).isFalse();

        // They reconnect with a grant that is revoked again: still waiting, announced no second time.
        google.refreshFailures.put("refresh-ana-2", new GrantRevokedException("Token has been expired or revoked."));
        reconnect("refresh-ana-2");
        drain();
        assertThat(store.row("ana").status()).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(jobs.job("e1").status).isEqualTo(MirrorJobStatus.PENDING);
        assertThat(failures.published).containsExactly("e1 revoked");

        reconnect("refresh-ana-3");
        drain();
        assertThat(jobs.job("e1").status).isEqualTo(MirrorJobStatus.DONE);
        assertThat(calendar.inserts).isEqualTo(1);
        // On the host's calendar, without Google inviting the guest a second time.
        assertThat(calendar.writes).containsExactly("insert ev1 notify=false");
        assertThat(calendar.events.get("ev1").event().guestEmail()).isEqualTo("bo@example.com");
        assertThat(failures.published).containsExactly("e1 revoked");
    }

    @Test
    void aRevokedHostsChangesAreAnnouncedWhenRecordedAndMirroredSilentlyOnceTheyReconnect() {
        revoke();
        assertThat(service.record(change("e1", RoomChangeKind.BOOKED, 0, START))).isEqualTo(Outcome.QUEUED);
        assertThat(service.record(change("e2", RoomChangeKind.RESCHEDULED, 1, START.plusSeconds(3600)))).isEqualTo(Outcome.QUEUED);
        assertThat(failures.published).containsExactly("e1 revoked", "e2 revoked");
        assertThat(jobs.job("e1").silent).isTrue();
        assertThat(jobs.job("e2").silent).isTrue();
        drain();
        assertThat(jobs.job("e1").status).isEqualTo(MirrorJobStatus.PENDING);
        assertThat(calendar.writes).isEmpty();

        reconnect("refresh-ana-2");
        drain();
        assertThat(jobs.job("e2").status).isEqualTo(MirrorJobStatus.DONE);
        assertThat(calendar.events.get("ev1").start()).isEqualTo(START.plusSeconds(3600));
        assertThat(calendar.writes).containsExactly("insert ev1 notify=false", "move ev1 notify=false");

        // Revoked again, the booking is cancelled: announced, and deleted silently once they are back.
        revoke();
        service.record(change("e3", RoomChangeKind.CANCELLED, 2, START.plusSeconds(3600)));
        reconnect("refresh-ana-3");
        drain();
        assertThat(calendar.events.get("ev1").cancelled()).isTrue();
        assertThat(calendar.writes).containsExactly("insert ev1 notify=false", "move ev1 notify=false", "delete ev1 notify=false");
        assertThat(failures.published).containsExactly("e1 revoked", "e2 revoked", "e3 revoked");
        assertThat(mirrors.audit).contains("room-1 ana events.insert: ok", "room-1 ana events.patch: ok", "room-1 ana events.delete: ok");
    }

    @Test
    void aChangeQueuedBeforeItsHostWasRevokedElsewhereIsAnnouncedOnceAndMirroredSilently() {
        service.record(change("e1", RoomChangeKind.BOOKED, 0, START));
        // The calendar sync (or the daily check) finds the grant revoked before the worker got to the change.
        revoke();
        drain();
        assertThat(failures.published).containsExactly("e1 revoked");
        assertThat(jobs.job("e1").silent).isTrue();
        assertThat(jobs.job("e1").status).isEqualTo(MirrorJobStatus.PENDING);
        drain();
        assertThat(failures.published).containsExactly("e1 revoked");

        reconnect("refresh-ana-2");
        drain();
        assertThat(jobs.job("e1").status).isEqualTo(MirrorJobStatus.DONE);
        assertThat(calendar.writes).containsExactly("insert ev1 notify=false");
    }

    @Test
    void aRejectedAccessTokenIsRefreshedOnceAndAnyOtherRefusalParksTheJob() {
        calendar.failures.add(new GoogleRejectedException(401, "Invalid Credentials"));
        service.record(change("e1", RoomChangeKind.BOOKED, 0, START));
        drain();
        assertThat(jobs.job("e1").status).isEqualTo(MirrorJobStatus.DONE);
        assertThat(google.refreshed).hasSize(2);

        calendar.failures.add(new GoogleRejectedException(400, "Bad Request"));
        service.record(change("e2", RoomChangeKind.RESCHEDULED, 1, START.plusSeconds(60)));
        drain();
        assertThat(jobs.job("e2").status).isEqualTo(MirrorJobStatus.PARKED);
        assertThat(jobs.job("e2").note).contains("Bad Request");
        // Google will not invite anyone for it: announced, so the participants are emailed instead.
        assertThat(failures.published).containsExactly("e2 google_rejected:400");
    }

    @Test
    void cancellingAMeetingGoogleRefusedForGoodIsAnnouncedSoBothAreEmailedTheCancel() {
        calendar.nextInsertFailure = new GoogleRejectedException(400, "Bad Request");
        service.record(change("e1", RoomChangeKind.BOOKED, 0, START));
        drain();
        assertThat(jobs.job("e1").status).isEqualTo(MirrorJobStatus.PARKED);

        service.record(change("e2", RoomChangeKind.CANCELLED, 1, START));
        drain();

        // The invitation was emailed (announced), and Google has no event to cancel: the cancellation is emailed too.
        assertThat(failures.published).containsExactly("e1 google_rejected:400", "e2 not_on_google");
        assertThat(jobs.job("e2").status).isEqualTo(MirrorJobStatus.DONE);
        assertThat(calendar.writes).isEmpty();
        assertThat(mirrors.audit).contains("room-1 ana events.delete: skipped: Google never had the meeting");
        assertThat(mirrors.mirrors.get("room-1").cancelled()).isTrue();

        // Delivered again under another id: the meeting's end was told once.
        service.record(change("e2-replayed", RoomChangeKind.CANCELLED, 1, START));
        drain();
        assertThat(failures.published).containsExactly("e1 google_rejected:400", "e2 not_on_google");
    }

    @Test
    void theGuestLeavingAMeetingBookedBeforeTheHostConnectedIsAnnouncedSinceGoogleNeverHadIt() {
        store.given(CalendarConnection.none("cy", "cy@example.com"));
        assertThat(service.record(changeOfCy("e1", RoomChangeKind.BOOKED, 0))).isEqualTo(Outcome.HOST_NOT_CONNECTED);
        store.given(new CalendarConnection("cy", "cy@example.com", ConnectionStatus.CONNECTED, null, vault.seal("refresh-cy"), "cal-cy",
                clock.instant(), clock.instant()));

        assertThat(service.record(changeOfCy("e2", RoomChangeKind.RELEASED, 1))).isEqualTo(Outcome.QUEUED);
        drain();

        assertThat(failures.published).containsExactly("e1 not_connected", "e2 not_on_google");
        assertThat(jobs.job("e2").status).isEqualTo(MirrorJobStatus.DONE);
        assertThat(calendar.writes).isEmpty();
    }

    @Test
    void cancellingAnEventTheHostDeletedInGoogleIsNotAnnounced() {
        service.record(change("e1", RoomChangeKind.BOOKED, 0, START));
        drain();
        calendar.hostChanges("ev1", s -> new FakeCalendarEvents.Stored(s.calendarId(), s.event(), s.start(), s.end(), true, s.version(),
                s.updated(), s.declinedBy()));

        service.record(change("e2", RoomChangeKind.CANCELLED, 1, START));
        drain();

        assertThat(jobs.job("e2").status).isEqualTo(MirrorJobStatus.DONE);
        assertThat(failures.published).as("Google had the meeting: it told the guest, and the host deleted it").isEmpty();
    }

    @Test
    void aGuestLeavingDeletesTheEventAndTheNextBookingIsANewMeetingWithItsOwnEvent() {
        service.record(change("e1", RoomChangeKind.BOOKED, 0, START));
        service.record(change("e2", RoomChangeKind.RELEASED, 1, START));
        // The room is booked again: a new meeting under a new invitation UID, its sequence starting over.
        service.record(new RoomChange("e3", RoomChangeKind.BOOKED, "room-1", 0, "uid-room-1-second@schedulr", "ana", "UTC", "cy@example.com",
                "Cy", "Mentoring", null, START, START.plusSeconds(1800), null, "cy"));
        // A late change of the first meeting is refused: it is over.
        service.record(change("e4", RoomChangeKind.RESCHEDULED, 2, START.plusSeconds(60)));
        drain();

        assertThat(calendar.events.get("ev1").cancelled()).isTrue();
        assertThat(calendar.events.get("ev2").cancelled()).isFalse();
        assertThat(calendar.events.get("ev2").event().icsUid()).isEqualTo("uid-room-1-second@schedulr");
        assertThat(calendar.events.get("ev2").event().guestEmail()).isEqualTo("cy@example.com");
        assertThat(jobs.job("e4").status).isEqualTo(MirrorJobStatus.DROPPED);
        assertThat(mirrors.mirrors.get("room-1").icsUid()).isEqualTo("uid-room-1-second@schedulr");
        assertThat(mirrors.mirrors.get("room-1").guestId()).isEqualTo("cy");
    }

    @Test
    void aMoveGivesAnEventMadeWithoutTheRoomsLinkAsItsPlaceThatLink() {
        service.record(change("e1", RoomChangeKind.BOOKED, 0, START));
        drain();
        // Inserted before events carried the link as their location.
        FakeCalendarEvents.Stored s = calendar.events.get("ev1");
        CalendarEvents.NewEvent e = s.event();
        calendar.events.put("ev1", new FakeCalendarEvents.Stored(s.calendarId(), new CalendarEvents.NewEvent(e.roomId(), e.icsUid(),
                e.summary(), e.description(), null, e.startUtc(), e.endUtc(), e.timeZone(), e.guestEmail(), e.guestName(),
                e.reminderMinutes()), s.start(), s.end(), false, s.version(), s.updated(), s.declinedBy()));

        service.record(change("e2", RoomChangeKind.RESCHEDULED, 1, START.plusSeconds(3600)));
        drain();

        assertThat(calendar.events.get("ev1").event().location()).isEqualTo("https://rooms.example/room-1");
    }

    @Test
    void aMoveToTheTimeGoogleAlreadyShowsCostsNoCallAndIsKept() {
        // The host moved the event in Google; the sync noted the new time and the room followed with this change.
        bookedThenMovedInGoogle(START.plusSeconds(3600), Duration.ofMinutes(30));
        service.record(change("e2", RoomChangeKind.RESCHEDULED, 1, START.plusSeconds(3600)));
        drain();

        assertThat(jobs.job("e2").status).isEqualTo(MirrorJobStatus.DONE);
        assertThat(calendar.writes).containsExactly("insert ev1 notify=true");
        assertThat(calendar.events.get("ev1").start()).isEqualTo(START.plusSeconds(3600));
        assertThat(mirrors.audit).as("not even a look-up for the move").containsExactly("room-1 ana events.find: ok",
                "room-1 ana events.insert: ok", "room-1 ana events.patch: skipped: Google already shows this time");
        assertThat(mirrors.mirrors.get("room-1").lastSequence()).isEqualTo(1);
    }

    @Test
    void aMoveInGoogleToAnotherLengthGetsTheRoomsLengthBackWithoutMailingTheGuestAgain() {
        // The host moved the 30-minute event in Google to an hour later and made it 10 minutes long; the room followed
        // the new start and kept its 30 minutes.
        bookedThenMovedInGoogle(START.plusSeconds(3600), Duration.ofMinutes(10));
        service.record(change("e2", RoomChangeKind.RESCHEDULED, 1, START.plusSeconds(3600)));
        // A later move in the app tells the guest as always.
        service.record(change("e3", RoomChangeKind.RESCHEDULED, 2, START.plusSeconds(7200)));
        drain();

        assertThat(calendar.writes).containsExactly("insert ev1 notify=true", "move ev1 notify=false", "move ev1 notify=true");
        assertThat(calendar.events.get("ev1").end()).isEqualTo(START.plusSeconds(7200 + 1800));
        assertThat(calendar.events.get("ev1").event().description()).as("the next move clears the note")
                .isEqualTo("Join the room: https://rooms.example/room-1");
    }

    @Test
    void theEventSaysWhyTheHostsChangeInGoogleWasUndone() {
        // Only the length changed in Google: the room keeps its 30 minutes.
        bookedThenMovedInGoogle(START, Duration.ofMinutes(45));
        service.record(change("e2", RoomChangeKind.RESCHEDULED, 1, START));
        drain();
        assertThat(calendar.events.get("ev1").end()).isEqualTo(START.plusSeconds(1800));
        assertThat(calendar.events.get("ev1").event().description()).isEqualTo("Join the room: https://rooms.example/room-1\n\n"
                + "Schedulr set this session back to its 30 minutes (1 Mar 2031, 09:00 Europe/Berlin): a session's length cannot be "
                + "changed in Google Calendar.");

        // Moved in Google to yesterday: the room stays where it was.
        Instant yesterday = clock.instant().minus(Duration.ofDays(1));
        calendar.hostMoves("ev1", yesterday, yesterday.plusSeconds(1800));
        mirrors.save(mirrors.mirrors.get("room-1").after(io.schedulr.calendarsync.domain.RoomMirror.GoogleEdit.moved(yesterday,
                yesterday.plusSeconds(1800))));
        service.record(change("e3", RoomChangeKind.RESCHEDULED, 2, START));
        drain();
        assertThat(calendar.events.get("ev1").start()).isEqualTo(START);
        assertThat(calendar.events.get("ev1").event().description()).endsWith("it cannot be moved to a time that has passed.");

        // Moved in Google while the host moved it in the app: the app's change stands.
        calendar.hostMoves("ev1", START.plusSeconds(3600), START.plusSeconds(5400));
        mirrors.save(mirrors.mirrors.get("room-1").after(io.schedulr.calendarsync.domain.RoomMirror.GoogleEdit.moved(START.plusSeconds(3600),
                START.plusSeconds(5400))));
        service.record(change("e4", RoomChangeKind.RESCHEDULED, 3, START.plusSeconds(7200)));
        drain();
        assertThat(calendar.events.get("ev1").start()).isEqualTo(START.plusSeconds(7200));
        assertThat(calendar.events.get("ev1").event().description()).endsWith("it was changed in Schedulr while you moved it here, "
                + "and that change stands.");

        // A move made in the app, nothing undone: no note.
        service.record(change("e5", RoomChangeKind.RESCHEDULED, 4, START.plusSeconds(10800)));
        drain();
        assertThat(calendar.events.get("ev1").event().description()).isEqualTo("Join the room: https://rooms.example/room-1");
    }

    @Test
    void aWholeDayEventInGoogleIsPutBackAtTheSessionsTimeAndTheGuestIsTold() {
        service.record(change("e1", RoomChangeKind.BOOKED, 0, START));
        drain();
        io.schedulr.calendarsync.domain.RoomMirror mirror = mirrors.mirrors.get("room-1");
        // The host made the event a whole-day one: Google lists it with a date and no time.
        io.schedulr.calendarsync.domain.ObservedEvent wholeDay = new io.schedulr.calendarsync.domain.ObservedEvent("ev1", "room-1", false, null, null);

        var edit = mirror.judge(wholeDay).orElseThrow();
        assertThat(edit.kind()).isEqualTo(io.schedulr.calendarsync.domain.RoomMirror.GoogleEdit.Kind.WHOLE_DAY);
        assertThat(edit.newStart()).as("the room is asked to stay at its time").isEqualTo(START);
        assertThat(edit.newEnd()).isEqualTo(START.plusSeconds(1800));
        calendar.hostMoves("ev1", null, null);
        mirrors.save(mirror.after(edit));
        assertThat(mirrors.mirrors.get("room-1").judge(wholeDay)).as("judged once").isEmpty();

        // The room stays where it is, announced again one SEQUENCE up: the event gets its time back.
        service.record(change("e2", RoomChangeKind.RESCHEDULED, 1, START));
        drain();
        assertThat(calendar.writes).containsExactly("insert ev1 notify=true", "move ev1 notify=true");
        assertThat(calendar.events.get("ev1").start()).isEqualTo(START);
        assertThat(calendar.events.get("ev1").end()).isEqualTo(START.plusSeconds(1800));
        assertThat(calendar.events.get("ev1").event().description()).endsWith("a session has a start and an end time, "
                + "it cannot be a whole-day event.");
        assertThat(mirrors.mirrors.get("room-1").endUtc()).isEqualTo(START.plusSeconds(1800));
    }

    /** The room booked and mirrored, then its event moved by the host in Google and seen by the sync. */
    private void bookedThenMovedInGoogle(Instant newStart, Duration length) {
        service.record(change("e1", RoomChangeKind.BOOKED, 0, START));
        drain();
        calendar.hostMoves("ev1", newStart, newStart.plus(length));
        mirrors.save(mirrors.mirrors.get("room-1").after(io.schedulr.calendarsync.domain.RoomMirror.GoogleEdit.moved(newStart,
                newStart.plus(length))));
    }

    @Test
    void aMoveOfAnEventTheHostDeletedInGoogleMeanwhileDoesNotPutItBack() {
        service.record(change("e1", RoomChangeKind.BOOKED, 0, START));
        drain();
        // The host deleted the event in Google; before the sync has seen it, a move of the room reaches the worker.
        calendar.hostChanges("ev1", s -> new FakeCalendarEvents.Stored(s.calendarId(), s.event(), s.start(), s.end(), true, s.version(),
                s.updated(), s.declinedBy()));
        service.record(change("e2", RoomChangeKind.RESCHEDULED, 1, START.plusSeconds(3600)));
        drain();

        assertThat(jobs.job("e2").status).isEqualTo(MirrorJobStatus.DONE);
        assertThat(calendar.inserts).as("the deleted event is not made again").isEqualTo(1);
        assertThat(calendar.writes).containsExactly("insert ev1 notify=true");
        assertThat(mirrors.audit).contains("room-1 ana events.patch: skipped: the event was deleted in Google");
        // The sync then sees the deletion as the host's edit: it becomes a command and cancels the room.
        var seen = new io.schedulr.calendarsync.domain.ObservedEvent("ev1", "room-1", true, null, null);
        assertThat(mirrors.mirrors.get("room-1").judge(seen)).map(e -> e.kind())
                .contains(io.schedulr.calendarsync.domain.RoomMirror.GoogleEdit.Kind.DELETED);
    }

    @Test
    void twoQuickMovesInGoogleAreNotUndoneByTheFirstMoveComingBackLate() {
        service.record(change("e1", RoomChangeKind.BOOKED, 0, START));
        drain();
        var first = START.plusSeconds(3600);
        var second = START.plusSeconds(7200);
        var mirror = mirrors.mirrors.get("room-1").after(io.schedulr.calendarsync.domain.RoomMirror.GoogleEdit.moved(first, first.plusSeconds(1800)));
        mirrors.save(mirror.after(io.schedulr.calendarsync.domain.RoomMirror.GoogleEdit.moved(second, second.plusSeconds(1800))));

        service.record(change("e2", RoomChangeKind.RESCHEDULED, 1, first));
        service.record(change("e3", RoomChangeKind.RESCHEDULED, 2, second));
        drain();

        assertThat(jobs.job("e2").status).isEqualTo(MirrorJobStatus.DROPPED);
        assertThat(jobs.job("e3").status).isEqualTo(MirrorJobStatus.DONE);
        assertThat(mirrors.audit).noneMatch(line -> line.contains("events.patch: ok"));
    }

    @Test
    void aHostWithoutAConnectedCalendarGetsNothing() {
        RoomChange change = new RoomChange("e9", RoomChangeKind.BOOKED, "room-9", 0, "uid-9", "nobody", "UTC", "bo@example.com", "Bo",
                "Talk", null, START, START.plusSeconds(1800));
        assertThat(service.record(change)).isEqualTo(Outcome.HOST_NOT_CONNECTED);
        assertThat(jobs.jobs).isEmpty();
        assertThat(failures.published).containsExactly("e9 not_connected");
    }

    @Test
    void withTheCalendarGateOffAHostWithoutAConnectedCalendarIsNotAnnouncedEitherAndNothingIsWritten() {
        InMemoryTransactions transactions = new InMemoryTransactions(store, events);
        RoomMirrorService gateOff = new RoomMirrorService(jobs, jobs, mirrors, calendar, mirrors, store,
                new GoogleGrants(google, vault, mirrors, store, events, clock), failures, commands, transactions,
                JobTracing.UNTRACED, clock, Duration.ofSeconds(2), Duration.ofMinutes(10), reminders, false);
        RoomChange change = new RoomChange("e10", RoomChangeKind.BOOKED, "room-10", 0, "uid-10", "nobody", "UTC", "bo@example.com", "Bo",
                "Talk", null, START, START.plusSeconds(1800));

        assertThat(gateOff.record(change)).isEqualTo(Outcome.HOST_NOT_CONNECTED);
        assertThat(jobs.jobs).isEmpty();
        assertThat(failures.published).as("notification-service emails every change itself with the gate off").isEmpty();
        assertThat(jobs.consumed).as("nothing to remember: a redelivery leads to nothing either").isEmpty();
        assertThat(transactions.opened).as("read alone, no write transaction").isZero();
        assertThat(gateOff.record(change)).isEqualTo(Outcome.HOST_NOT_CONNECTED);
    }

    @Test
    void withTheCalendarGateOffAConnectedHostsChangeIsStillQueuedOnceAndAHostWhoDisconnectedKeepsTheirs() {
        RoomMirrorService gateOff = new RoomMirrorService(jobs, jobs, mirrors, calendar, mirrors, store,
                new GoogleGrants(google, vault, mirrors, store, events, clock), failures, commands, new InMemoryTransactions(store, events),
                JobTracing.UNTRACED, clock, Duration.ofSeconds(2), Duration.ofMinutes(10), reminders, false);

        assertThat(gateOff.record(change("e1", RoomChangeKind.BOOKED, 0, START))).isEqualTo(Outcome.QUEUED);
        assertThat(gateOff.record(change("e1", RoomChangeKind.BOOKED, 0, START))).isEqualTo(Outcome.DUPLICATE);
        store.given(new CalendarConnection("ana", "ana@example.com", ConnectionStatus.NOT_CONNECTED, DisconnectReason.USER, null,
                "cal-ana", null, clock.instant()));
        assertThat(gateOff.record(change("e2", RoomChangeKind.RESCHEDULED, 1, START.plusSeconds(3600)))).isEqualTo(Outcome.QUEUED);
        assertThat(failures.published).isEmpty();
    }

    @Test
    void aHostWhoDisconnectedHasTheirChangesAnnouncedAndMirroredSilentlyOnceTheyConnectAgain() {
        service.record(change("e1", RoomChangeKind.BOOKED, 0, START));
        drain();
        store.given(new CalendarConnection("ana", "ana@example.com", ConnectionStatus.NOT_CONNECTED, DisconnectReason.USER, null,
                "cal-ana", null, clock.instant()));

        assertThat(service.record(change("e2", RoomChangeKind.RESCHEDULED, 1, START.plusSeconds(3600)))).isEqualTo(Outcome.QUEUED);
        assertThat(service.record(change("e3", RoomChangeKind.CANCELLED, 2, START.plusSeconds(3600)))).isEqualTo(Outcome.QUEUED);
        drain();
        assertThat(failures.published).containsExactly("e2 not_connected", "e3 not_connected");
        assertThat(jobs.job("e3").silent).isTrue();
        assertThat(jobs.job("e3").status).isEqualTo(MirrorJobStatus.PENDING);
        assertThat(calendar.writes).containsExactly("insert ev1 notify=true");

        reconnect("refresh-ana-2");
        drain();
        assertThat(calendar.events.get("ev1").cancelled()).isTrue();
        assertThat(calendar.writes).containsExactly("insert ev1 notify=true", "move ev1 notify=false", "delete ev1 notify=false");
        assertThat(failures.published).containsExactly("e2 not_connected", "e3 not_connected");
    }

    private void revoke() {
        store.given(new CalendarConnection("ana", "ana@example.com", ConnectionStatus.REVOKED, DisconnectReason.REVOKED, null, "cal-ana",
                clock.instant(), clock.instant()));
    }

    private void reconnect(String refreshToken) {
        store.given(new CalendarConnection("ana", "ana@example.com", ConnectionStatus.CONNECTED, null, vault.seal(refreshToken),
                "cal-ana", clock.instant(), clock.instant()));
    }

    private void drain() {
        int guard = 0;
        while (service.announceNextOfRevokedHost()) {
            assertThat(++guard).isLessThan(50);
        }
        while (service.mirrorNext()) {
            assertThat(++guard).isLessThan(50);
        }
    }

    private static RoomChange changeOfCy(String eventId, RoomChangeKind kind, int sequence) {
        return new RoomChange(eventId, kind, "room-9", sequence, "uid-room-9@schedulr", "cy", "UTC", "bo@example.com", "Bo", "Talk", null,
                START, START.plusSeconds(1800));
    }

    private static RoomChange change(String eventId, RoomChangeKind kind, int sequence, Instant start) {
        return new RoomChange(eventId, kind, "room-1", sequence, "uid-room-1@schedulr", "ana", "Europe/Berlin", "bo@example.com", "Bo",
                "Mentoring", "https://rooms.example/room-1", start, start.plusSeconds(1800));
    }
}
