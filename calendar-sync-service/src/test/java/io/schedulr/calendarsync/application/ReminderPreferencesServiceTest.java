package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.in.RecordReminderPreferencesUseCase.ReminderPreferencesChange;
import io.schedulr.calendarsync.application.port.out.JobTracing;
import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.calendarsync.domain.DisconnectReason;
import io.schedulr.calendarsync.domain.InterviewChange;
import io.schedulr.calendarsync.domain.InterviewEntry;
import io.schedulr.calendarsync.domain.InterviewParticipant;
import io.schedulr.calendarsync.domain.InterviewParticipant.Part;
import io.schedulr.calendarsync.domain.RoomChange;
import io.schedulr.calendarsync.domain.RoomChangeKind;
import io.schedulr.testsupport.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changed reminder preferences reaching the events already on people's own Google calendars, with in-memory ports: the
 * room and interview mirrors write the events, the preferences service queues and patches them.
 */
class ReminderPreferencesServiceTest {
    private static final Instant NOW = Instant.parse("2031-03-01T08:00:00Z");
    private static final Instant FUTURE = Instant.parse("2031-03-04T10:00:00Z");
    private static final String INTERVIEW_EVENT = InterviewEntry.googleEventIdOf("iv-1");

    private final SettableClock clock = new SettableClock(NOW);
    private final FakeGoogle google = new FakeGoogle();
    private final FakeTokenVault vault = new FakeTokenVault();
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();
    private final RecordingConnectionEvents events = new RecordingConnectionEvents();
    private final InMemoryMirrorJobs jobs = new InMemoryMirrorJobs(store);
    private final InMemoryRoomMirrors mirrors = new InMemoryRoomMirrors();
    private final InMemoryInterviewMirrors interviews = new InMemoryInterviewMirrors(store);
    private final InMemoryReminderPreferences preferences = new InMemoryReminderPreferences();
    private final InMemoryReminderPatches patches = new InMemoryReminderPatches(store);
    private final FakeCalendarEvents calendar = new FakeCalendarEvents();
    private RoomMirrorService rooms;
    private InterviewMirrorService interviewMirror;
    private ReminderPreferencesService service;

    @BeforeEach
    void wire() {
        GoogleGrants grants = new GoogleGrants(google, vault, mirrors, store, events, clock);
        InMemoryTransactions transactions = new InMemoryTransactions(store, events);
        rooms = new RoomMirrorService(jobs, jobs, mirrors, calendar, mirrors, store, grants, new RecordingMirrorFailures(),
                new RecordingRoomCommands(), transactions, JobTracing.UNTRACED, clock, Duration.ofSeconds(2), Duration.ofMinutes(10), preferences,
                true);
        interviewMirror = new InterviewMirrorService(interviews, interviews, calendar, mirrors, store, grants, transactions, clock,
                Duration.ofSeconds(2), Duration.ofMinutes(10), preferences);
        service = new ReminderPreferencesService(preferences, transactions, mirrors, interviews, patches, calendar, mirrors, store, grants,
                clock, Duration.ofSeconds(2), Duration.ofMinutes(10));
        connected("ana", "refresh-ana");
        connected("bo", "refresh-bo");
    }

    @Test
    void changedMinutesArePatchedOntoTheFutureRoomAndInterviewEventsOnlyAndOnlyByTheWorker() {
        // Ana hosts a room starting in an hour, one in three days, and is the interviewer of an interview in three days.
        book("room-soon", "ana", NOW.plus(Duration.ofHours(1)));
        book("room-later", "ana", FUTURE);
        interview("iv-1", "ana", FUTURE);
        assertThat(calendar.events.get("ev1").event().reminderMinutes()).as("written with the defaults").containsExactly(60, 10);
        clock.advance(Duration.ofHours(2)); // room-soon has started

        service.record(prefs("p1", "ana", List.of(1440, 15), "email"));
        assertThat(calendar.reminderPatches).as("Google is not called while the preferences are recorded").isEmpty();
        assertThat(patches.rows).containsOnlyKeys("cal-ana/ev2", "cal-ana/" + INTERVIEW_EVENT);

        drainPatches();
        assertThat(calendar.reminderPatches).containsExactlyInAnyOrder("cal-ana/ev2 -> [1440, 15]", "cal-ana/" + INTERVIEW_EVENT + " -> [1440, 15]");
        assertThat(calendar.patchedReminders).doesNotContainKey("cal-ana/ev1");
        assertThat(calendar.writes).as("no insert, move or delete: nothing else changes, nobody is mailed")
                .containsExactly("insert ev1 notify=true", "insert ev2 notify=true");
        assertThat(patches.row("cal-ana", "ev2").status).isEqualTo("done");
        assertThat(mirrors.audit).contains("room-later ana events.patch reminders: ok",
                "iv-1 ana interview events.patch reminders: ok");

        // The same state delivered again, or only another channel: nothing to change on Google.
        service.record(prefs("p1", "ana", List.of(1440, 15), "email"));
        service.record(prefs("p2", "ana", List.of(1440, 15), "popup"));
        drainPatches();
        assertThat(calendar.reminderPatches).hasSize(2);
    }

    @Test
    void someoneWithoutARecordWasWrittenWithTheDefaultsSoOnlyAChoiceOtherThanSixtyAndTenPatches() {
        book("room-1", "ana", FUTURE);
        service.record(prefs("p1", "ana", List.of(60, 10), "email"));
        assertThat(patches.rows).isEmpty();

        service.record(prefs("p2", "ana", List.of(), "email"));
        drainPatches();
        assertThat(calendar.patchedReminders.get("cal-ana/ev1")).as("none wanted: no reminders at all").isEmpty();
    }

    @Test
    void aPatchWhoseRecordTheDatabaseRefusesWaitsItsBackOffAndTheOthersArePatched() {
        book("room-ana", "ana", FUTURE);
        book("room-bo", "bo", FUTURE);
        patches.refusesDoneOn = "cal-ana";
        service.record(prefs("p1", "ana", List.of(30), "popup"));
        service.record(prefs("p2", "bo", List.of(5), "popup"));
        drainPatches();

        assertThat(patches.row("cal-bo", "ev2").status).isEqualTo("done");
        InMemoryReminderPatches.Row ana = patches.row("cal-ana", "ev1");
        assertThat(ana.status).isEqualTo("pending");
        assertThat(ana.attempts).isEqualTo(1);
        assertThat(ana.due).isAfter(clock.instant());
        assertThat(ana.note).contains("refused by the test");

        patches.refusesDoneOn = null;
        clock.advance(Duration.ofMinutes(10));
        drainPatches();
        assertThat(patches.row("cal-ana", "ev1").status).isEqualTo("done");
    }

    @Test
    void googleFailingIsRetriedWithBackoffWithoutHoldingUpOthersAndADeletedEventIsNoError() {
        book("room-ana", "ana", FUTURE);
        book("room-bo", "bo", FUTURE);
        book("room-gone", "bo", FUTURE.plus(Duration.ofDays(1)));
        calendar.delete("t", "cal-bo", "ev3", false); // Bo deleted it in Google meanwhile (not yet synced back)
        calendar.writes.clear();

        service.record(prefs("p1", "ana", List.of(30), "popup"));
        service.record(prefs("p2", "bo", List.of(5), "popup"));
        calendar.failures.add(new GoogleUnavailableException("HTTP 503", null)); // Ana's patch, the first due
        drainPatches();

        InMemoryReminderPatches.Row ana = patches.row("cal-ana", "ev1");
        assertThat(ana.status).isEqualTo("pending");
        assertThat(ana.attempts).isEqualTo(1);
        assertThat(ana.due).isAfter(clock.instant());
        assertThat(calendar.patchedReminders).containsEntry("cal-bo/ev2", List.of(5)).doesNotContainKey("cal-ana/ev1");
        assertThat(patches.row("cal-bo", "ev3").status).isEqualTo("done");
        assertThat(patches.row("cal-bo", "ev3").note).isEqualTo("gone in Google");
        assertThat(mirrors.audit).anyMatch(line -> line.startsWith("room-ana ana events.patch reminders: unavailable"))
                .contains("room-gone bo events.patch reminders: ok (already gone)");

        clock.advance(Duration.ofSeconds(4));
        drainPatches();
        assertThat(ana.status).isEqualTo("done");
        assertThat(calendar.patchedReminders).containsEntry("cal-ana/ev1", List.of(30));
    }

    @Test
    void aRefusalParksTheEventAndTheOthersStillRun() {
        book("room-1", "ana", FUTURE);
        interview("iv-1", "ana", FUTURE);
        service.record(prefs("p1", "ana", List.of(30), "popup"));
        calendar.failures.add(new GoogleRejectedException(403, "setting the reminders of event ev1: Google answered 403 Forbidden"));
        drainPatches();

        assertThat(patches.row("cal-ana", "ev1").status).isEqualTo("parked");
        assertThat(patches.row("cal-ana", "ev1").note).contains("403");
        assertThat(calendar.patchedReminders).containsOnlyKeys("cal-ana/" + INTERVIEW_EVENT);
    }

    @Test
    void aRevokedPersonGetsNothingFromGoogleUntilTheyReconnectThenTheirLatestMinutes() {
        book("room-1", "ana", FUTURE);
        store.given(new CalendarConnection("ana", "ana@example.com", ConnectionStatus.REVOKED, DisconnectReason.REVOKED, null, "cal-ana",
                clock.instant(), clock.instant()));

        service.record(prefs("p1", "ana", List.of(30), "popup"));
        service.record(prefs("p2", "ana", List.of(45, 5), "popup"));
        assertThat(service.patchNext()).isFalse();
        assertThat(calendar.reminderPatches).isEmpty();

        connected("ana", "refresh-ana-2");
        drainPatches();
        assertThat(calendar.reminderPatches).containsExactly("cal-ana/ev1 -> [45, 5]");

        // A room booked while they were away is written with the minutes of the moment it is written.
        book("room-2", "ana", FUTURE.plus(Duration.ofDays(1)));
        assertThat(calendar.events.get("ev2").event().reminderMinutes()).containsExactly(45, 5);
    }

    @Test
    void aGrantRevokedMidFlightMarksThePersonRevokedAndThePatchWaits() {
        book("room-1", "ana", FUTURE);
        service.record(prefs("p1", "ana", List.of(30), "popup"));
        // Google no longer takes the access token held since the room was written, and the grant behind it is gone.
        calendar.failures.add(new GoogleRejectedException(401, "Google answered 401 Unauthorized"));
        google.refreshFailures.put("refresh-ana", new GrantRevokedException("Token has been expired or revoked."));
        drainPatches();

        assertThat(store.row("ana").status()).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(patches.row("cal-ana", "ev1").status).isEqualTo("pending");
        assertThat(calendar.reminderPatches).isEmpty();

        connected("ana", "refresh-ana-2");
        drainPatches();
        assertThat(calendar.reminderPatches).containsExactly("cal-ana/ev1 -> [30]");
    }

    private void connected(String id, String refreshToken) {
        store.given(new CalendarConnection(id, id + "@example.com", ConnectionStatus.CONNECTED, null, vault.seal(refreshToken), "cal-" + id,
                clock.instant(), clock.instant()));
    }

    private void book(String roomId, String hostId, Instant start) {
        rooms.record(new RoomChange("booked-" + roomId, RoomChangeKind.BOOKED, roomId, 0, "uid-" + roomId + "@schedulr", hostId, "UTC",
                "guest@example.com", "Gus", "Mentoring", null, start, start.plusSeconds(1800)));
        int guard = 0;
        while (rooms.mirrorNext()) {
            assertThat(++guard).isLessThan(50);
        }
    }

    private void interview(String interviewId, String memberId, Instant start) {
        interviewMirror.record(new InterviewChange("ev-" + interviewId, interviewId, "uid-" + interviewId + "@schedulr", 0, false,
                "Interview: Acme", "Acme", start, start.plusSeconds(3600), "UTC", null,
                List.of(new InterviewParticipant(memberId, "Ana Lead", memberId + "@example.com", null, null, "UTC", Part.PRIMARY_INTERVIEWER)), false));
        int guard = 0;
        while (interviewMirror.mirrorNext()) {
            assertThat(++guard).isLessThan(50);
        }
    }

    private static ReminderPreferencesChange prefs(String eventId, String userId, List<Integer> minutes, String channel) {
        return new ReminderPreferencesChange(eventId, userId, minutes, channel);
    }

    private void drainPatches() {
        int guard = 0;
        while (service.patchNext()) {
            assertThat(++guard).isLessThan(50);
        }
    }
}
