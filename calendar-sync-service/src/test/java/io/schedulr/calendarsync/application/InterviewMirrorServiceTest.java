package io.schedulr.calendarsync.application;

import io.schedulr.testsupport.SettableClock;

import io.schedulr.calendarsync.application.port.in.RecordInterviewChangeUseCase.Outcome;
import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.calendarsync.domain.InterviewChange;
import io.schedulr.calendarsync.domain.InterviewEntry;
import io.schedulr.calendarsync.domain.InterviewParticipant;
import io.schedulr.calendarsync.domain.InterviewParticipant.Part;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Interviews onto the team's Google calendars, with in-memory ports. */
class InterviewMirrorServiceTest {
    private static final Instant START = Instant.parse("2031-03-04T10:00:00Z");
    private static final String EVENT_ID = InterviewEntry.googleEventIdOf("iv-1");
    private static final InterviewParticipant ANA = new InterviewParticipant("ana", "Ana Lead", "ana@example.com", "Partner", null,
            "Europe/Berlin", Part.PRIMARY_INTERVIEWER);
    /** Known by address only: found through the connection she made with it. */
    private static final InterviewParticipant BO = new InterviewParticipant(null, "Bo Team", "BO@example.com", null, null, null,
            Part.TEAM_MEMBER);
    private static final InterviewParticipant CY = new InterviewParticipant("cy", "Cy Unconnected", "cy@example.com", null, null, null,
            Part.TEAM_MEMBER);
    private static final InterviewParticipant DEE = new InterviewParticipant(null, "Dee Founder", "dee@startup.example", "CEO", "Acme",
            "America/New_York", Part.CONTACT);

    private final SettableClock clock = new SettableClock(Instant.parse("2031-03-01T08:00:00Z"));
    private final FakeGoogle google = new FakeGoogle();
    private final FakeTokenVault vault = new FakeTokenVault();
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();
    private final RecordingConnectionEvents events = new RecordingConnectionEvents();
    private final InMemoryInterviewMirrors interviews = new InMemoryInterviewMirrors(store);
    private final InMemoryRoomMirrors audit = new InMemoryRoomMirrors();
    private final FakeCalendarEvents calendar = new FakeCalendarEvents();
    private InterviewMirrorService service;
    private final InMemoryReminderPreferences reminders = new InMemoryReminderPreferences();

    @BeforeEach
    void wire() {
        service = new InterviewMirrorService(interviews, interviews, calendar, audit, store,
                new GoogleGrants(google, vault, audit, store, events, clock), new InMemoryTransactions(store, events), clock,
                Duration.ofSeconds(2), Duration.ofMinutes(10), reminders);
        connected("ana", "ana@example.com");
        connected("bo-sub", "bo@example.com");
    }

    @Test
    void theInterviewGoesOnEveryConnectedTeamMembersCalendarOnceUnderItsOwnIdWithoutAttendees() {
        assertThat(service.record(change("e1", 0, false, START, ANA, BO, CY, DEE))).isEqualTo(Outcome.QUEUED);
        drain();
        assertThat(service.record(change("e1", 0, false, START, ANA, BO, CY, DEE))).isEqualTo(Outcome.DUPLICATE);
        // Replayed under another event id, and an older change delivered late: nothing changes.
        assertThat(service.record(change("e1-replay", 0, false, START, ANA, BO, CY, DEE))).isEqualTo(Outcome.STALE);
        drain();

        assertThat(calendar.quietCalls).containsExactlyInAnyOrder("put cal-ana " + EVENT_ID, "put cal-bo-sub " + EVENT_ID);
        FakeCalendarEvents.Own onAna = calendar.own.get("cal-ana/" + EVENT_ID);
        assertThat(onAna.event().summary()).isEqualTo("Interview: Acme");
        assertThat(onAna.event().location()).isEqualTo("https://meet.example/iv-1");
        assertThat(onAna.event().timeZone()).isEqualTo("Europe/Berlin");
        assertThat(onAna.event().description()).contains("Join: https://meet.example/iv-1", "Ana Lead (Partner) <ana@example.com>: primary "
                + "interviewer", "Bo Team <BO@example.com>: team", "Dee Founder (CEO, Acme) <dee@startup.example>: contact");
        assertThat(onAna.event().privateProperties()).containsEntry("schedulrInterviewId", "iv-1");
        assertThat(calendar.own.get("cal-bo-sub/" + EVENT_ID).event().timeZone()).isEqualTo("UTC");
        assertThat(interviews.row("iv-1", "cy")).isNull();
        assertThat(interviews.row("iv-1", "bo-sub").entry.applied()).isEqualTo(InterviewEntry.Applied.SHOWN);
        assertThat(EVENT_ID).matches("[a-v0-9]{5,1024}");
    }

    @Test
    void eachMembersEventCarriesTheirOwnReminderMinutes() {
        reminders.save("ana", java.util.List.of(30), "email", "prefs-ana");
        reminders.save("bo-sub", java.util.List.of(), "popup", "prefs-bo");
        service.record(change("e1", 0, false, START, ANA, BO, CY, DEE));
        drain();

        assertThat(calendar.own.get("cal-ana/" + EVENT_ID).event().reminderMinutes()).containsExactly(30);
        assertThat(calendar.own.get("cal-bo-sub/" + EVENT_ID).event().reminderMinutes()).as("bo wants none").isEmpty();

        reminders.minutes.remove("ana");
        service.record(change("e2", 1, false, START.plusSeconds(3600), ANA, BO, CY, DEE));
        drain();
        assertThat(calendar.own.get("cal-ana/" + EVENT_ID).event().reminderMinutes()).as("the whole event is put again")
                .containsExactly(60, 10);
    }

    @Test
    void aBookingWaitingForItsHostIsTentativeOnEveryCalendarUntilItsConfirmation() {
        service.record(tentative(change("e1", 0, false, START, ANA, BO)));
        drain();
        assertThat(calendar.own.get("cal-ana/" + EVENT_ID).event().tentative()).isTrue();
        assertThat(calendar.own.get("cal-bo-sub/" + EVENT_ID).event().tentative()).isTrue();

        service.record(change("e2", 1, false, START, ANA, BO));
        drain();
        assertThat(calendar.own.get("cal-ana/" + EVENT_ID).event().tentative()).isFalse();
        assertThat(calendar.own.get("cal-bo-sub/" + EVENT_ID).event().tentative()).isFalse();
    }

    @Test
    void aRescheduleMovesItAMemberWhoLeftLosesItAndACancellationTakesItOff() {
        service.record(change("e1", 0, false, START, ANA, BO, CY));
        drain();
        // Bo is no longer on the team of the interview when it moves.
        service.record(change("e2", 1, false, START.plusSeconds(3600), ANA, CY));
        drain();
        assertThat(calendar.own.get("cal-ana/" + EVENT_ID).event().startUtc()).isEqualTo(START.plusSeconds(3600));
        assertThat(calendar.own.get("cal-bo-sub/" + EVENT_ID).cancelled()).isTrue();

        service.record(change("e3", 2, true, START.plusSeconds(3600), ANA, CY));
        drain();
        assertThat(calendar.own.get("cal-ana/" + EVENT_ID).cancelled()).isTrue();
        // Bo's event was gone already: no second delete for him.
        assertThat(calendar.quietCalls).filteredOn(c -> c.startsWith("delete")).containsExactlyInAnyOrder("delete cal-bo-sub " + EVENT_ID,
                "delete cal-ana " + EVENT_ID);
        // The reschedule delivered again after the cancellation changes nothing.
        assertThat(service.record(change("e2-again", 1, false, START.plusSeconds(7200), ANA, CY))).isEqualTo(Outcome.STALE);
        assertThat(interviews.rows.values()).allMatch(r -> r.status.equals("done"));
    }

    @Test
    void aRescheduleRequestAtTheSameSequenceTakesItOffAndTheNewTimePutsItBack() {
        service.record(change("e1", 3, false, START, ANA));
        drain();
        assertThat(service.record(change("e2", 3, true, START, ANA))).isEqualTo(Outcome.QUEUED);
        drain();
        assertThat(calendar.own.get("cal-ana/" + EVENT_ID).cancelled()).isTrue();

        service.record(change("e3", 4, false, START.plusSeconds(86_400), ANA));
        drain();
        assertThat(calendar.own.get("cal-ana/" + EVENT_ID).cancelled()).isFalse();
        assertThat(calendar.own.get("cal-ana/" + EVENT_ID).event().startUtc()).isEqualTo(START.plusSeconds(86_400));
    }

    @Test
    void oneMembersFailureStaysTheirs() {
        // Ana's grant is dead; Google fails once for the next call and refuses the one after for good.
        google.refreshFailures.put("refresh-ana", new GrantRevokedException("Token has been expired or revoked."));
        InterviewParticipant eve = new InterviewParticipant("eve", "Eve", "eve@example.com", null, null, null, Part.TEAM_MEMBER);
        connected("eve", "eve@example.com");
        calendar.failures.add(new GoogleUnavailableException("HTTP 503", null));
        calendar.failures.add(new GoogleRejectedException(403, "Forbidden"));

        assertThat(service.record(change("e1", 0, false, START, ANA, BO, eve))).isEqualTo(Outcome.QUEUED);
        drain();
        clock.advance(Duration.ofMinutes(1));
        drain();

        assertThat(store.row("ana").status()).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(interviews.row("iv-1", "ana").status).isEqualTo("pending");
        assertThat(interviews.rows.values()).filteredOn(r -> !r.entry.memberId().equals("ana")).extracting(r -> r.status)
                .containsExactlyInAnyOrder("done", "parked");
        assertThat(calendar.own).hasSize(1);
        assertThat(audit.audit).anyMatch(line -> line.contains("interview events.put: unavailable"))
                .anyMatch(line -> line.contains("interview events.put: refused 403"))
                .anyMatch(line -> line.startsWith("iv-1 ana token.refresh: invalid_grant"));

        // Ana connects again: her entry is worked then.
        connected("ana", "ana@example.com");
        google.refreshFailures.clear();
        drain();
        assertThat(calendar.own).containsKey("cal-ana/" + EVENT_ID);
    }

    @Test
    void nobodyConnectedOrNothingEverShownMeansNothingQueued() {
        assertThat(service.record(change("e1", 0, false, START, CY, DEE))).isEqualTo(Outcome.NO_CONNECTED_MEMBER);
        // First seen cancelled: there is nothing on anyone's calendar to take off.
        assertThat(service.record(new InterviewChange("e2", "iv-2", "uid-iv-2@schedulr", 1, true, "Interview", null, START,
                START.plusSeconds(60), null, null, List.of(ANA, BO), false))).isEqualTo(Outcome.NO_CONNECTED_MEMBER);
        assertThat(interviews.rows).isEmpty();
        assertThat(calendar.quietCalls).isEmpty();
    }

    private void connected(String id, String email) {
        store.given(new CalendarConnection(id, email, ConnectionStatus.CONNECTED, null, vault.seal("refresh-" + id), "cal-" + id,
                clock.instant(), clock.instant()));
    }

    @Test
    void anEntryWhoseWriteTheDatabaseRefusesWaitsItsBackOffAndTheOtherMembersGetTheirs() {
        interviews.refusesDoneOf = "ana";
        service.record(change("e1", 0, false, START, ANA, BO));
        drain();

        assertThat(interviews.row("iv-1", "bo-sub").status).isEqualTo("done");
        InMemoryInterviewMirrors.Row ana = interviews.row("iv-1", "ana");
        assertThat(ana.status).isEqualTo("pending");
        assertThat(ana.attempts).isEqualTo(1);
        assertThat(ana.due).isAfter(clock.instant());
        assertThat(ana.note).contains("refused by the test");

        interviews.refusesDoneOf = null;
        clock.advance(Duration.ofMinutes(10));
        drain();
        assertThat(interviews.row("iv-1", "ana").status).isEqualTo("done");
    }

    private void drain() {
        int guard = 0;
        while (service.mirrorNext()) {
            assertThat(++guard).isLessThan(50);
        }
    }

    private static InterviewChange tentative(InterviewChange c) {
        return new InterviewChange(c.eventId(), c.interviewId(), c.icsUid(), c.sequence(), c.cancels(), c.title(), c.startup(), c.startUtc(),
                c.endUtc(), c.timeZone(), c.meetingUrl(), c.people(), true);
    }

    private static InterviewChange change(String eventId, int sequence, boolean cancels, Instant start, InterviewParticipant... people) {
        return new InterviewChange(eventId, "iv-1", "uid-iv-1@schedulr", sequence, cancels, "Interview: Acme", "Acme", start,
                start.plusSeconds(3600), "UTC", "https://meet.example/iv-1", List.of(people), false);
    }
}
