package io.schedulr.notification.flow;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.notification.adapter.in.scheduling.ReminderTrigger;
import io.schedulr.notification.application.port.in.SendDueRemindersUseCase.Report;
import io.schedulr.notification.application.port.out.ReminderQueuePort;
import io.schedulr.notification.application.port.out.SendReminderPort;
import io.schedulr.notification.application.service.ReminderDispatchService;
import io.schedulr.notification.domain.RedeliveryPolicy;
import io.schedulr.notification.support.Db;
import io.schedulr.notification.support.InviteMails;
import io.schedulr.notification.support.ReminderMails;
import io.schedulr.notification.support.ReminderTime;
import io.schedulr.notification.support.RoomEvents;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.schedulr.notification.flow.InvitationFlowTest.onlyMail;
import static io.schedulr.notification.flow.InvitationFlowTest.sleep;
import static io.schedulr.notification.support.ReminderMails.awaitReminders;
import static io.schedulr.notification.support.ReminderMails.reminders;
import static io.schedulr.notification.support.ReminderMails.subject;
import static io.schedulr.notification.support.RoomEvents.event;
import static io.schedulr.notification.support.RoomEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End to end on the real stack: room events and reminder preferences on the real Kafka topics → reminder rows in the real
 * database → reminder mails in real IMAP inboxes, sent by the service's own scheduled sender. The service's clock is the
 * test's ({@link ReminderTime}), so "an hour before" is one step of the clock, not an hour of waiting.
 */
@QuarkusTest
@TestProfile(ReminderTime.Profile.class)
class ReminderFlowTest {
    static final Duration SETTLE = Duration.ofSeconds(3); // three rounds of the sender (every 1 s in %test)

    @Inject
    ReminderQueuePort queue;
    @Inject
    SendReminderPort sender;
    @Inject
    Scheduler scheduler;

    @BeforeAll
    static void topics() {
        RoomEvents.ensureTopics();
        ReminderMails.ensureTopics();
    }

    @BeforeEach
    void clockFollowsTheTest() {
        ReminderTime.CLOCK.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    static void clockAt(Instant instant) {
        ReminderTime.CLOCK.set(instant);
    }

    static String text(MimeMessage mail, String type) {
        return InviteMails.of(mail).text(type);
    }

    @Test
    void aReminderIsWrittenInTheZoneThePersonChoseAfterTheBooking() {
        TestUser host = Tokens.newUser("Zita Host", "Europe/Berlin");
        TestUser guest = Tokens.newUser("Gil Guest", "Asia/Tokyo");
        ReminderMails.prefer(host, List.of(), "email");
        String roomId = RoomEvents.newRoomId();
        Instant start = ReminderTime.CLOCK.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        RoomEvents.awaitConsumed(publish(event(RoomEventType.ROOM_BOOKED, roomId, 0, start, host, guest)));

        // Gil flew home and chose his zone in schedulr: scheduling-service announces it with his (default) preferences.
        ReminderMails.prefer(guest, List.of(60, 10), "email", "America/Denver");
        clockAt(start.minus(Duration.ofMinutes(10)));
        List<MimeMessage> toGuest = awaitReminders(guest, 2);

        assertThat(toGuest).extracting(ReminderMails::subject)
                .containsOnly("Reminder: Cello lesson at " + InviteWhen.startIn(start, "America/Denver"));
        assertThat(text(toGuest.get(1), "text/plain")).contains("When: " + InviteWhen.full(start, "America/Denver"));
    }

    @Test
    void aBookedRoomRemindsHostAndGuestOnceForEachOfTheirOffsets() {
        TestUser host = Tokens.newUser("Hilde Host", "Europe/Berlin");
        TestUser guest = Tokens.newUser("Gary Guest", "Asia/Tokyo");
        // The host chose one reminder 30 minutes before (a malformed record before it is skipped); the guest never chose: 60 and 10.
        ReminderMails.publishRaw(host.id(), "this is not a preferences record {");
        ReminderMails.prefer(host, List.of(30), "email");
        String roomId = RoomEvents.newRoomId();
        Instant start = ReminderTime.CLOCK.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);

        RoomEvents.awaitConsumed(publish(event(RoomEventType.ROOM_BOOKED, roomId, 0, start, host, guest)));
        assertThat(Db.count("SELECT count(*) FROM reminder WHERE status = 'PENDING' AND session_key = 'room:" + roomId + "'")).isEqualTo(3);
        onlyMail(guest, 1); // the invitation

        clockAt(start.minus(Duration.ofMinutes(30)));
        MimeMessage toHost = awaitReminders(host, 1).get(0);
        List<MimeMessage> toGuest = awaitReminders(guest, 1);
        assertThat(subject(toGuest.get(0))).as("the 60-minute reminder, late by the clock's jump but before the start").startsWith("Reminder:");

        clockAt(start.minus(Duration.ofMinutes(10)));
        MimeMessage tenMinutes = awaitReminders(guest, 2).get(1);

        assertThat(subject(toHost)).isEqualTo("Reminder: Cello lesson at " + InviteWhen.startIn(start, "Europe/Berlin"));
        assertThat(text(toHost, "text/plain")).contains("Cello lesson starts in 30 minutes.").contains("Gary Guest (guest)")
                .contains("Join: https://rooms.schedulr.test/" + roomId).doesNotContain("Hilde Host (host)");
        assertThat(subject(tenMinutes)).isEqualTo("Reminder: Cello lesson at " + InviteWhen.startIn(start, "Asia/Tokyo"));
        String plain = text(tenMinutes, "text/plain");
        assertThat(plain).contains("Cello lesson starts in 10 minutes.")
                .contains("When: " + InviteWhen.full(start, "Asia/Tokyo"))
                .contains("(Asia/Tokyo, JST)")
                .contains("Join: https://rooms.schedulr.test/" + roomId)
                .contains("Hilde Host (host)")
                .doesNotContain("Gary Guest (guest)")
                .contains("change when on your Reminders page in schedulr: http://localhost:8080/#/reminders");
        String html = text(tenMinutes, "text/html");
        assertThat(html).contains("Asia/Tokyo").contains("<a href=\"https://rooms.schedulr.test/" + roomId + "\">")
                .contains("Hilde Host (host)");
        InviteMails mail = InviteMails.of(tenMinutes);
        assertThat(mail.header("Content-Type")).startsWith("multipart/alternative");
        assertThat(mail.leaves()).noneSatisfy(p -> assertThat(p.getContentType()).containsIgnoringCase("calendar"));
        assertThat(mail.header("Message-ID")).matches("<[0-9a-f-]{36}@schedulr\\.local>");
        assertThat(mail.header("Reply-To")).contains(host.email());

        // More rounds (and more clock): still one mail per reminder.
        clockAt(start.minus(Duration.ofMinutes(1)));
        sleep(SETTLE);
        assertThat(reminders(host)).hasSize(1);
        assertThat(reminders(guest)).hasSize(2);
        assertThat(Db.count("SELECT count(*) FROM reminder_audit WHERE outcome = 'SENT' AND session_key = 'room:" + roomId + "'")).isEqualTo(3);
        assertThat(Db.count("SELECT count(*) FROM reminder WHERE status = 'SENT' AND session_key = 'room:" + roomId + "'")).isEqualTo(3);
    }

    @Test
    void aPreferenceChangeRePlansTheUpcomingSessionsTheyTakePartIn() {
        TestUser host = Tokens.newUser("Pia Host", "Europe/Rome");
        TestUser guest = Tokens.newUser("Pat Guest", "Europe/Rome");
        String roomId = RoomEvents.newRoomId();
        Instant start = ReminderTime.CLOCK.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        RoomEvents.awaitConsumed(publish(event(RoomEventType.ROOM_BOOKED, roomId, 0, start, host, guest)));
        String guestPending = "SELECT count(*) FROM reminder WHERE status = 'PENDING' AND session_key = 'room:" + roomId
                + "' AND recipient_email = '" + guest.email() + "'";
        assertThat(Db.count(guestPending)).isEqualTo(2);

        ReminderMails.prefer(guest, List.of(10), "popup"); // Google's on-screen reminders only: no email from us
        assertThat(Db.count(guestPending)).isZero();
        assertThat(Db.count("SELECT count(*) FROM reminder WHERE status = 'PENDING' AND session_key = 'room:" + roomId + "'")).isEqualTo(2);

        ReminderMails.prefer(guest, List.of(90, 5), "email");
        assertThat(Db.count(guestPending + " AND offset_minutes IN (90, 5)")).isEqualTo(2);
        assertThat(Db.count(guestPending)).isEqualTo(2);

        clockAt(start.minus(Duration.ofMinutes(90)));
        assertThat(text(awaitReminders(guest, 1).get(0), "text/plain")).contains("starts in 1 hour 30 minutes.");
        sleep(SETTLE);
        assertThat(reminders(host)).as("the host's 60- and 10-minute reminders are not due yet").isEmpty();
    }

    @Test
    void aCancelledRoomSendsNoReminder() {
        TestUser host = Tokens.newUser("Cora Host", "Europe/Paris");
        TestUser guest = Tokens.newUser("Carl Guest", "America/New_York");
        String roomId = RoomEvents.newRoomId();
        Instant start = ReminderTime.CLOCK.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);

        RoomEvents.awaitConsumed(publish(event(RoomEventType.ROOM_BOOKED, roomId, 0, start, host, guest)));
        assertThat(Db.count("SELECT count(*) FROM reminder WHERE status = 'PENDING' AND session_key = 'room:" + roomId + "'")).isEqualTo(4);
        RoomEvents.awaitConsumed(publish(event(RoomEventType.ROOM_CANCELLED, roomId, 1, start, host, guest)));

        clockAt(start.minus(Duration.ofMinutes(5)));
        sleep(SETTLE);
        onlyMail(host, 2); // invitation and cancellation, nothing else
        onlyMail(guest, 2);
        assertThat(reminders(host)).isEmpty();
        assertThat(reminders(guest)).isEmpty();
        assertThat(Db.count("SELECT count(*) FROM reminder WHERE status = 'CANCELLED' AND session_key = 'room:" + roomId + "'")).isEqualTo(4);
        assertThat(Db.count("SELECT count(*) FROM reminder_audit WHERE outcome = 'CANCELLED' AND detail = 'the room was cancelled'"
                + " AND session_key = 'room:" + roomId + "'")).isEqualTo(4);
    }

    @Test
    void aRescheduleMovesTheRemindersAndTheOneSentForTheOldTimeIsNotSentAgain() {
        TestUser host = Tokens.newUser("Rita Host", "America/Sao_Paulo");
        TestUser guest = Tokens.newUser("Rolf Guest", "Europe/London");
        String roomId = RoomEvents.newRoomId();
        Instant start = ReminderTime.CLOCK.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        RoomEvents.awaitConsumed(publish(event(RoomEventType.ROOM_BOOKED, roomId, 0, start, host, guest)));

        clockAt(start.minus(Duration.ofMinutes(60)));
        assertThat(subject(awaitReminders(guest, 1).get(0))).isEqualTo("Reminder: Cello lesson at " + InviteWhen.startIn(start, "Europe/London"));

        // Moved two hours later: the reminders of the old time are gone, those of the new time are due again.
        Instant later = start.plus(Duration.ofHours(2));
        RoomEvents.awaitConsumed(publish(event(RoomEventType.ROOM_RESCHEDULED, roomId, 1, later, host, guest)));
        clockAt(start.minus(Duration.ofMinutes(10))); // the old 10-minute moment: nothing for the old time
        sleep(SETTLE);
        assertThat(reminders(guest)).hasSize(1);
        assertThat(reminders(host)).hasSize(1);

        clockAt(later.minus(Duration.ofMinutes(60)));
        awaitReminders(guest, 2);
        clockAt(later.minus(Duration.ofMinutes(10)));
        List<MimeMessage> toGuest = awaitReminders(guest, 3);
        awaitReminders(host, 3);
        sleep(SETTLE);
        assertThat(reminders(guest)).hasSize(3);
        assertThat(reminders(host)).hasSize(3);
        assertThat(toGuest).extracting(ReminderMails::subject).containsExactly(
                "Reminder: Cello lesson at " + InviteWhen.startIn(start, "Europe/London"),
                "Reminder: Cello lesson at " + InviteWhen.startIn(later, "Europe/London"),
                "Reminder: Cello lesson at " + InviteWhen.startIn(later, "Europe/London"));
        assertThat(text(toGuest.get(1), "text/plain")).contains("starts in 1 hour.").contains(InviteWhen.full(later, "Europe/London"));
        assertThat(text(toGuest.get(2), "text/plain")).contains("starts in 10 minutes.");
        assertThat(Db.count("SELECT count(*) FROM reminder WHERE status = 'SENT' AND session_key = 'room:" + roomId + "'")).isEqualTo(6);
    }

    @Test
    void aReminderThatCouldNoLongerArriveInTimeIsSkippedAndAuditedNotSentLate() {
        TestUser host = Tokens.newUser("Lena Host", "Europe/Vienna");
        TestUser guest = Tokens.newUser("Leo Guest", "Australia/Sydney");
        String roomId = RoomEvents.newRoomId();
        Instant start = ReminderTime.CLOCK.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        RoomEvents.awaitConsumed(publish(event(RoomEventType.ROOM_BOOKED, roomId, 0, start, host, guest)));

        // The clock jumps from before the first reminder to after the start: no round ran in between, as when the service
        // (or its database) was down for longer than the reminders' lead.
        clockAt(start.plus(Duration.ofSeconds(30)));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                Db.count("SELECT count(*) FROM reminder_audit WHERE outcome = 'SKIPPED_LATE' AND session_key = 'room:" + roomId + "'") == 4);
        sleep(SETTLE);
        assertThat(reminders(host)).isEmpty();
        assertThat(reminders(guest)).isEmpty();
        assertThat(Db.count("SELECT count(*) FROM reminder WHERE status = 'SKIPPED' AND session_key = 'room:" + roomId + "'")).isEqualTo(4);
        assertThat(Db.count("SELECT count(*) FROM reminder_audit WHERE outcome = 'SKIPPED_LATE' AND detail LIKE '%could no longer arrive%'"
                + " AND session_key = 'room:" + roomId + "'")).isEqualTo(4);
    }

    @Test
    void aBookingThatReachesUsAfterItsReminderMomentStillRemindsBeforeTheStart() {
        TestUser host = Tokens.newUser("Kai Host", "Europe/Madrid");
        TestUser guest = Tokens.newUser("Kim Guest", "America/Chicago");
        String roomId = RoomEvents.newRoomId();
        Instant now = ReminderTime.CLOCK.instant();
        Instant start = now.plus(Duration.ofMinutes(45)).truncatedTo(ChronoUnit.MINUTES);
        // Booked 20 minutes ago and only now read (Kafka was out): the 60-minute moment passed while the booking was on its way.
        CloudEvent<RoomEvent> booked = event(RoomEventType.ROOM_BOOKED, roomId, 0, start, host, guest);
        RoomEvents.awaitConsumed(publish(CloudEvent.of(booked.id(), booked.source(), booked.type(), now.minus(Duration.ofMinutes(20)),
                booked.subject(), booked.data())));

        MimeMessage toGuest = awaitReminders(guest, 1).get(0);
        awaitReminders(host, 1);
        assertThat(text(toGuest, "text/plain")).containsPattern("Cello lesson starts in 4[45] minutes\\.");
        sleep(SETTLE);
        assertThat(reminders(guest)).hasSize(1);
        assertThat(reminders(host)).hasSize(1);
        assertThat(Db.count("SELECT count(*) FROM reminder WHERE status = 'PENDING' AND offset_minutes = 10 AND session_key = 'room:"
                + roomId + "'")).isEqualTo(2);
    }

    @Test
    void twoSendersRacingOverTheSameDueRemindersSendEachExactlyOnce() throws Exception {
        int people = 12;
        List<TestUser> users = new ArrayList<>();
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < people; i++) {
            TestUser u = Tokens.newUser("Racer " + i, "UTC");
            users.add(u);
            json.append(i == 0 ? "" : ",").append("{\"userId\":\"").append(u.id()).append("\",\"email\":\"").append(u.email())
                    .append("\",\"name\":\"Racer ").append(i).append("\",\"timeZone\":\"UTC\",\"role\":\"guest\"}");
        }
        json.append(']');
        String key = "room:" + RoomEvents.newRoomId();
        Instant now = ReminderTime.CLOCK.instant();
        Instant start = now.plus(Duration.ofMinutes(30));
        scheduler.pause(ReminderTrigger.JOB);
        try {
            Db.execute("INSERT INTO reminder_session (session_key, ics_uid, title, start_utc, end_utc, join_url, people, last_sequence) VALUES ('"
                    + key + "', 'race@uid', 'Race', '" + start + "', '" + start.plus(Duration.ofHours(1)) + "', null, '" + json + "', 0)");
            for (TestUser u : users) {
                // Their choice, or the sender cancels these reminders as no longer wanted (the defaults are 60 and 10).
                Db.execute("INSERT INTO reminder_preference (user_id, minutes, channel) VALUES ('" + u.id() + "', '{40,35}', 'email')");
                for (int offset : List.of(40, 35)) { // both already due
                    Instant due = start.minus(Duration.ofMinutes(offset));
                    Db.execute("INSERT INTO reminder (session_key, ics_uid, recipient_email, recipient_user_id, offset_minutes, due_at, status,"
                            + " next_attempt_at) VALUES ('" + key + "', 'race@uid', '" + u.email() + "', '" + u.id() + "', " + offset + ", '"
                            + due + "', 'PENDING', '" + due + "')");
                }
            }
            // Two replicas: two senders of their own, same database, same SMTP server, started at the same moment.
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Report>> replicas = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                ReminderDispatchService replica = new ReminderDispatchService(queue, sender, ReminderTime.CLOCK,
                        new RedeliveryPolicy(Duration.ofSeconds(15), Duration.ofMinutes(2)), 3, Duration.ofMinutes(2));
                replicas.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return replica.sendDue().await().atMost(Duration.ofMinutes(2));
                }));
            }
            go.countDown();
            Report a = replicas.get(0).get();
            Report b = replicas.get(1).get();

            assertThat(a.sent() + b.sent()).isEqualTo(2 * people);
            assertThat(a.sent()).as("both replicas took part in the race").isPositive();
            assertThat(b.sent()).as("both replicas took part in the race").isPositive();
        } finally {
            scheduler.resume(ReminderTrigger.JOB);
        }
        sleep(SETTLE);
        for (TestUser u : users) {
            assertThat(awaitReminders(u, 2)).as("reminders to %s", u.email()).hasSize(2);
        }
        assertThat(Db.count("SELECT count(*) FROM reminder_audit WHERE outcome = 'SENT' AND session_key = '" + key + "'")).isEqualTo(2L * people);
        assertThat(Db.count("SELECT count(DISTINCT reminder_id) FROM reminder_audit WHERE session_key = '" + key + "'")).isEqualTo(2L * people);
    }
}
