package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.HandleInterviewChangeCommand;
import io.schedulr.notification.application.port.in.HandleInterviewChangeCommand.PersonData;
import io.schedulr.notification.application.port.in.HandleRoomChangeCommand;
import io.schedulr.notification.application.port.in.UpdateReminderPreferencesCommand;
import io.schedulr.notification.domain.InterviewChange;
import io.schedulr.notification.domain.InterviewParticipant.Kind;
import io.schedulr.notification.domain.NotificationPlanner;
import io.schedulr.notification.domain.Person;
import io.schedulr.notification.domain.ReminderOutcome;
import io.schedulr.notification.domain.RoomChangeKind;
import io.schedulr.testsupport.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Planning reminders from room and interview changes and from preference changes, with the tables in memory. */
class ReminderPlanningTest {
    static final Instant NOW = Instant.parse("2030-05-06T07:00:00Z");
    static final Instant START = NOW.plus(Duration.ofHours(3));
    static final Person HOST = new Person("host-sub", "hanna@example.com", "Hanna Host", "Europe/Berlin");
    static final Person GUEST = new Person("guest-sub", "gus@example.org", "Gus Guest", "Asia/Tokyo");

    final SettableClock clock = new SettableClock(NOW);
    final ReminderPlanning planning = new ReminderPlanning(clock);
    final RoomChangeServiceTest.InMemoryStore rooms = new RoomChangeServiceTest.InMemoryStore();
    final InMemoryReminders reminders = rooms.reminderPlans;
    final RoomChangeService roomService = new RoomChangeService(rooms, new NotificationPlanner(false), () -> { }, planning);
    final ReminderPreferencesService preferenceService = new ReminderPreferencesService(reminders, planning);

    static HandleRoomChangeCommand room(String eventId, RoomChangeKind kind, int sequence, Instant start) {
        return room(eventId, kind, "room-1@uid", sequence, start);
    }

    static HandleRoomChangeCommand room(String eventId, RoomChangeKind kind, String uid, int sequence, Instant start) {
        return room(null, eventId, kind, uid, sequence, start);
    }

    /** @param changedAt when the change happened (the event's time); null: when it is handled */
    static HandleRoomChangeCommand room(Instant changedAt, String eventId, RoomChangeKind kind, String uid, int sequence, Instant start) {
        return new HandleRoomChangeCommand(eventId, changedAt, kind, "room-1", uid, sequence, start, start.plus(Duration.ofMinutes(45)),
                "Cello lesson", "https://rooms.example/room-1", HOST, GUEST);
    }

    void handle(HandleRoomChangeCommand command) {
        roomService.handle(command).await().indefinitely();
    }

    static String pending(Person who, int minutes, Instant start) {
        return who.email() + " " + minutes + " " + start.minus(Duration.ofMinutes(minutes));
    }

    @Test
    void aBookingPlansEachDefaultOffsetForHostAndGuest() {
        handle(room("e1", RoomChangeKind.BOOKED, 0, START));

        assertThat(reminders.pending()).containsExactlyInAnyOrder(pending(HOST, 60, START), pending(HOST, 10, START),
                pending(GUEST, 60, START), pending(GUEST, 10, START));
        assertThat(reminders.sessions.get("room:room-1").joinUrl()).isEqualTo("https://rooms.example/room-1");
    }

    @Test
    void aReminderWhoseMomentHasPassedIsNotPlannedAtAll() {
        handle(room("e1", RoomChangeKind.BOOKED, 0, NOW.plus(Duration.ofMinutes(30))));

        assertThat(reminders.pending()).containsExactlyInAnyOrder(pending(HOST, 10, NOW.plus(Duration.ofMinutes(30))),
                pending(GUEST, 10, NOW.plus(Duration.ofMinutes(30))));
    }

    static HandleRoomChangeCommand bookedAt(Instant changedAt, String eventId, Instant start) {
        return room(changedAt, eventId, RoomChangeKind.BOOKED, "room-1@uid", 0, start);
    }

    @Test
    void aBookingThatReachesUsLatePlansTheRemindersWhoseMomentPassedOnTheWayButNotThoseBeforeTheBooking() {
        // Booked 20 minutes ago (Kafka was out, or the consumer was catching up) for 45 minutes from now: the 60-minute
        // moment was 15 minutes ago, after the booking — planned, so the sender sends it at once; the 90-minute one was
        // before the booking was made, so nobody could have had it.
        Instant start = NOW.plus(Duration.ofMinutes(45));
        preferenceService.update(new UpdateReminderPreferencesCommand("host-sub", List.of(90, 10), "email")).await().indefinitely();

        handle(bookedAt(NOW.minus(Duration.ofMinutes(20)), "e1", start));

        assertThat(reminders.pending()).containsExactlyInAnyOrder(pending(GUEST, 60, start), pending(GUEST, 10, start),
                pending(HOST, 10, start));
        assertThat(reminders.withStatus("PENDING")).filteredOn(r -> r.slot.offsetMinutes() == 60)
                .allSatisfy(r -> assertThat(r.nextAttemptAt).isBefore(NOW));
    }

    @Test
    void aChangeDatedInTheFutureCountsAsNowAndASessionThatIsOverPlansNothing() {
        Instant start = NOW.plus(Duration.ofMinutes(30));
        handle(bookedAt(NOW.plus(Duration.ofMinutes(5)), "e1", start)); // the other service's clock runs ahead
        assertThat(reminders.pending()).containsExactlyInAnyOrder(pending(HOST, 10, start), pending(GUEST, 10, start));

        RoomChangeServiceTest.InMemoryStore other = new RoomChangeServiceTest.InMemoryStore();
        new RoomChangeService(other, new NotificationPlanner(false), () -> { }, planning)
                .handle(bookedAt(NOW.minus(Duration.ofHours(3)), "e2", NOW.minus(Duration.ofHours(1)))).await().indefinitely();
        assertThat(other.reminderPlans.pending()).as("a session over before we heard of it").isEmpty();
    }

    @Test
    void aPendingReminderWhoseMomentHasPassedSurvivesARePlanThatStillWantsIt() {
        handle(room("e1", RoomChangeKind.BOOKED, 0, START));
        // The 60-minute moment came, sending failed (SMTP out), and the reminder waits for its next attempt ...
        clock.set(START.minus(Duration.ofMinutes(55)));

        // ... when a change that keeps the time, and a preference change of the guest that keeps the 60 minutes, re-plan.
        handle(room("e2", RoomChangeKind.RESCHEDULED, 1, START));
        preferenceService.update(new UpdateReminderPreferencesCommand("guest-sub", List.of(60, 5), "email")).await().indefinitely();

        assertThat(reminders.pending()).containsExactlyInAnyOrder(pending(HOST, 60, START), pending(HOST, 10, START),
                pending(GUEST, 60, START), pending(GUEST, 5, START));
        assertThat(reminders.withStatus("CANCELLED")).extracting(r -> r.slot.offsetMinutes()).containsExactly(10);
    }

    @Test
    void aRescheduleMovesThePendingReminders() {
        handle(room("e1", RoomChangeKind.BOOKED, 0, START));
        Instant later = START.plus(Duration.ofDays(1));
        handle(room("e2", RoomChangeKind.RESCHEDULED, 1, later));

        assertThat(reminders.pending()).containsExactlyInAnyOrder(pending(HOST, 60, later), pending(HOST, 10, later),
                pending(GUEST, 60, later), pending(GUEST, 10, later));
        assertThat(reminders.withStatus("CANCELLED")).hasSize(4);
    }

    @Test
    void aReminderSentForTheOldTimeIsNotSentAgainUnlessTheNewTimeMakesItDueAgain() {
        handle(room("e1", RoomChangeKind.BOOKED, 0, START));
        clock.set(START.minus(Duration.ofMinutes(59)));
        reminders.withStatus("PENDING").stream().filter(r -> r.slot.offsetMinutes() == 60).forEach(r -> r.status = "SENT");

        // Same time again (a change that does not move it): the 60-minute reminders stay sent, only the 10-minute ones pend.
        handle(room("e2", RoomChangeKind.RESCHEDULED, 1, START));
        assertThat(reminders.pending()).containsExactlyInAnyOrder(pending(HOST, 10, START), pending(GUEST, 10, START));

        // Earlier: the 60-minute moment has passed; nothing is sent late.
        Instant earlier = START.minus(Duration.ofMinutes(20));
        handle(room("e3", RoomChangeKind.RESCHEDULED, 2, earlier));
        assertThat(reminders.pending()).containsExactlyInAnyOrder(pending(HOST, 10, earlier), pending(GUEST, 10, earlier));

        // Later: the new time makes the 60-minute reminder due again.
        Instant later = START.plus(Duration.ofHours(2));
        handle(room("e4", RoomChangeKind.RESCHEDULED, 3, later));
        assertThat(reminders.pending()).containsExactlyInAnyOrder(pending(HOST, 60, later), pending(HOST, 10, later),
                pending(GUEST, 60, later), pending(GUEST, 10, later));
    }

    @Test
    void aCancellationCancelsEveryPendingReminderAndALateOlderBookingPlansNothing() {
        handle(room("e1", RoomChangeKind.BOOKED, 0, START));
        handle(room("e2", RoomChangeKind.CANCELLED, 1, START));

        assertThat(reminders.pending()).isEmpty();
        assertThat(reminders.audits).hasSize(4).allSatisfy(a -> {
            assertThat(a.outcome()).isEqualTo(ReminderOutcome.CANCELLED);
            assertThat(a.detail()).isEqualTo("the room was cancelled");
        });

        handle(room("e0-late", RoomChangeKind.RESCHEDULED, 0, START.plus(Duration.ofHours(1))));
        assertThat(reminders.pending()).as("a stale change plans nothing").isEmpty();
        handle(room("e1-again", RoomChangeKind.BOOKED, 1, START));
        assertThat(reminders.pending()).as("a REQUEST at the SEQUENCE of the CANCEL is stale").isEmpty();
    }

    @Test
    void aStaleRescheduleDoesNotMoveTheReminders() {
        handle(room("e1", RoomChangeKind.BOOKED, 3, START));
        handle(room("e0", RoomChangeKind.RESCHEDULED, 2, START.plus(Duration.ofHours(5))));

        assertThat(reminders.pending()).contains(pending(GUEST, 60, START)).hasSize(4);
    }

    @Test
    void theGuestLeavingCancelsAndTheNextBookingIsANewMeeting() {
        handle(room("e1", RoomChangeKind.BOOKED, "room-1@uid-1", 0, START));
        handle(room("e2", RoomChangeKind.RELEASED, "room-1@uid-1", 1, START));
        assertThat(reminders.pending()).isEmpty();

        handle(room("e3", RoomChangeKind.BOOKED, "room-1@uid-2", 0, START));
        assertThat(reminders.pending()).hasSize(4);
        assertThat(reminders.withStatus("PENDING")).allSatisfy(r -> assertThat(r.icsUid).isEqualTo("room-1@uid-2"));
    }

    @Test
    void aNewPreferenceRePlansTheUpcomingSessionsOfThatPersonOnly() {
        handle(room("e1", RoomChangeKind.BOOKED, 0, START));

        int replanned = preferenceService.update(new UpdateReminderPreferencesCommand("host-sub", List.of(30, 120), "email"))
                .await().indefinitely();

        assertThat(replanned).isEqualTo(1);
        assertThat(reminders.pending()).containsExactlyInAnyOrder(pending(HOST, 120, START), pending(HOST, 30, START),
                pending(GUEST, 60, START), pending(GUEST, 10, START));

        // Stored for sessions booked later as well.
        handle(new HandleRoomChangeCommand("e2", null, RoomChangeKind.BOOKED, "room-2", "room-2@uid", 0, START.plus(Duration.ofDays(2)),
                START.plus(Duration.ofDays(2)).plus(Duration.ofHours(1)), "Piano", null, HOST, GUEST));
        assertThat(reminders.withStatus("PENDING")).filteredOn(r -> r.key.equals("room:room-2") && r.slot.recipientEmail().equals(HOST.email()))
                .extracting(r -> r.slot.offsetMinutes()).containsExactlyInAnyOrder(120, 30);
    }

    @Test
    void channelPopupMeansNoEmailRemindersForThatPerson() {
        preferenceService.update(new UpdateReminderPreferencesCommand("guest-sub", List.of(10), "popup")).await().indefinitely();
        handle(room("e1", RoomChangeKind.BOOKED, 0, START));

        assertThat(reminders.pending()).containsExactlyInAnyOrder(pending(HOST, 60, START), pending(HOST, 10, START));

        // Back to email: the guest's reminders are planned for the sessions already booked.
        preferenceService.update(new UpdateReminderPreferencesCommand("guest-sub", List.of(15), "email")).await().indefinitely();
        assertThat(reminders.pending()).contains(pending(GUEST, 15, START)).hasSize(3);

        // Record removed (tombstone): the defaults again.
        preferenceService.update(UpdateReminderPreferencesCommand.removed("guest-sub")).await().indefinitely();
        assertThat(reminders.pending()).contains(pending(GUEST, 60, START), pending(GUEST, 10, START)).hasSize(4);
    }

    @Test
    void aPreferenceChangeLeavesCancelledAndPastSessionsAlone() {
        handle(room("e1", RoomChangeKind.BOOKED, 0, START));
        handle(room("e2", RoomChangeKind.CANCELLED, 1, START));

        int replanned = preferenceService.update(new UpdateReminderPreferencesCommand("host-sub", List.of(5), "email")).await().indefinitely();

        assertThat(replanned).isZero();
        assertThat(reminders.pending()).isEmpty();
    }

    @Test
    void interviewPeopleWithoutUserIdGetTheDefaultsAndAnUnmailablePersonGetsNone() {
        InterviewChangeServiceTest.InMemoryStore interviews = new InterviewChangeServiceTest.InMemoryStore();
        InterviewChangeService service = new InterviewChangeService(interviews, () -> { }, planning);
        interviews.reminderPlans.preferences.put("ada-sub", new io.schedulr.notification.domain.ReminderPreference(List.of(45), true));
        List<PersonData> people = List.of(
                new PersonData("ada-sub", "Ada", "ada@schedulr.test", "Partner", null, "Europe/Berlin", Kind.PRIMARY_INTERVIEWER),
                new PersonData(null, "Grace", "grace@acme.test", "CEO", "Acme", null, Kind.CONTACT),
                new PersonData(null, "Broken", "not an address", null, null, null, Kind.GUEST));

        service.handle(new HandleInterviewChangeCommand("i1", null, InterviewChange.SCHEDULED, "int-1", "int-1@uid", 0, START,
                START.plus(Duration.ofMinutes(45)), "Interview: Acme", "Europe/Berlin", "javascript:alert(1)", people, null, false)).await().indefinitely();

        InMemoryReminders r = interviews.reminderPlans;
        assertThat(r.pending()).containsExactlyInAnyOrder("ada@schedulr.test 45 " + START.minus(Duration.ofMinutes(45)),
                "grace@acme.test 60 " + START.minus(Duration.ofMinutes(60)), "grace@acme.test 10 " + START.minus(Duration.ofMinutes(10)));
        assertThat(r.sessions.get("interview:int-1").joinUrl()).as("only an absolute http(s) link").isNull();

        service.handle(new HandleInterviewChangeCommand("i2", null, InterviewChange.RESCHEDULE_REQUESTED, "int-1", "int-1@uid", 1, START,
                START.plus(Duration.ofMinutes(45)), "Interview: Acme", "Europe/Berlin", null, people, "conflict", false)).await().indefinitely();
        assertThat(r.pending()).isEmpty();
        assertThat(r.audits).extracting(a -> a.detail()).containsOnly("the interview awaits a new time");

        Instant newTime = START.plus(Duration.ofDays(1));
        service.handle(new HandleInterviewChangeCommand("i3", null, InterviewChange.RESCHEDULED, "int-1", "int-1@uid", 2, newTime,
                newTime.plus(Duration.ofMinutes(45)), "Interview: Acme", "Europe/Berlin", "https://meet.example/x", people, null, false)).await().indefinitely();
        assertThat(r.pending()).hasSize(3).contains("ada@schedulr.test 45 " + newTime.minus(Duration.ofMinutes(45)));
    }

    @Test
    void aGuestAddedToASentInterviewIsRemindedAndOneTakenOffIsNot() {
        InterviewChangeServiceTest.InMemoryStore interviews = new InterviewChangeServiceTest.InMemoryStore();
        InterviewChangeService service = new InterviewChangeService(interviews, () -> { }, planning);
        PersonData ada = new PersonData("ada-sub", "Ada", "ada@schedulr.test", "Partner", null, "Europe/Berlin", Kind.PRIMARY_INTERVIEWER);
        PersonData olive = new PersonData(null, "Olive", "olive@vc.test", null, "VC", null, Kind.GUEST);
        PersonData gus = new PersonData(null, "Gus", "gus@guest.test", null, null, null, Kind.GUEST);
        service.handle(new HandleInterviewChangeCommand("g1", null, InterviewChange.SCHEDULED, "int-2", "int-2@uid", 0, START,
                START.plus(Duration.ofMinutes(45)), "Interview: Acme", "Europe/Berlin", null, List.of(ada, olive), null, false)).await().indefinitely();

        service.handle(new HandleInterviewChangeCommand("g2", null, InterviewChange.ATTENDEES_CHANGED, "int-2", "int-2@uid", 1, START,
                START.plus(Duration.ofMinutes(45)), "Interview: Acme", "Europe/Berlin", null, List.of(ada, gus), "Gus joins; Olive no longer "
                + "takes part.", false)).await().indefinitely();

        assertThat(interviews.reminderPlans.pending()).as("the default reminders, an hour and ten minutes before")
                .containsExactlyInAnyOrder("ada@schedulr.test 60 " + START.minus(Duration.ofMinutes(60)),
                        "ada@schedulr.test 10 " + START.minus(Duration.ofMinutes(10)),
                        "gus@guest.test 60 " + START.minus(Duration.ofMinutes(60)), "gus@guest.test 10 " + START.minus(Duration.ofMinutes(10)));
    }

    @Test
    void aZoneThePersonChoseIsTheirsInTheirUpcomingSessionsAndStaysOverAnEventWrittenBeforeTheChoice() {
        handle(room("e1", RoomChangeKind.BOOKED, 0, START));

        preferenceService.update(new UpdateReminderPreferencesCommand("guest-sub", List.of(60, 10), "email", "America/Denver"))
                .await().indefinitely();
        assertThat(zoneOf("gus@example.org")).isEqualTo("America/Denver");
        assertThat(zoneOf("hanna@example.com")).as("only the person who chose").isEqualTo("Europe/Berlin");

        // A reschedule announced before the choice reached scheduling-service still carries her old zone.
        handle(room("e2", RoomChangeKind.RESCHEDULED, 1, START.plus(Duration.ofHours(1))));
        assertThat(zoneOf("gus@example.org")).isEqualTo("America/Denver");

        preferenceService.update(new UpdateReminderPreferencesCommand("guest-sub", List.of(60, 10), "email", "not/a zone"))
                .await().indefinitely();
        handle(room("e3", RoomChangeKind.RESCHEDULED, 2, START));
        assertThat(zoneOf("gus@example.org")).as("a name no zone has is no choice: the event's zone").isEqualTo("Asia/Tokyo");
    }

    private String zoneOf(String email) {
        return reminders.sessions.get("room:room-1").participant(email).orElseThrow().person().timeZone();
    }
}
