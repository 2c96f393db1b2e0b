package io.schedulr.notification.flow;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.notification.support.IcsSamples;
import io.schedulr.notification.support.InviteMails;
import io.schedulr.notification.support.RoomEvents;
import io.schedulr.testsupport.Mailboxes;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.schedulr.notification.support.RoomEvents.event;
import static io.schedulr.notification.support.RoomEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;

/** End to end: room events on the real Kafka topic → iMIP mails in real IMAP inboxes, audited in the real database. */
@QuarkusTest
class InvitationFlowTest {
    static final Duration MAIL_WAIT = Duration.ofSeconds(45);
    static final Instant START = Instant.parse("2030-03-14T09:30:00Z");

    @BeforeAll
    static void topics() {
        RoomEvents.ensureTopics();
    }

    @Test
    void aTitleWithCharactersOutsideTheBmpArrivesIntactInTheSubject() throws Exception {
        TestUser host = Tokens.newUser("Hilde 😀 Host", "UTC");
        TestUser guest = Tokens.newUser("Gary Guest", "UTC");
        String roomId = RoomEvents.newRoomId();
        CloudEvent<RoomEvent> booked = event(RoomEventType.ROOM_BOOKED, roomId, 0, START, host, guest);
        RoomEvent d = booked.data();
        RoomEvent titled = new RoomEvent(d.roomId(), d.icsUid(), d.sequence(), d.startUtc(), d.endUtc(), "😀 𠮷田 lesson", d.roomUrl(),
                d.privateRoom(), d.stage(), d.host(), d.guest());

        publish(CloudEvent.of(booked.id(), booked.source(), booked.type(), booked.time(), booked.subject(), titled));

        assertThat(Mailboxes.awaitInbox(guest.email(), 1, MAIL_WAIT).get(0).getSubject()).startsWith("Invitation: 😀 𠮷田 lesson with Hilde 😀 Host @ ");
        assertThat(Mailboxes.awaitInbox(host.email(), 1, MAIL_WAIT).get(0).getSubject()).contains("😀 𠮷田 lesson with Gary Guest");
    }

    @Test
    void aBookingSendsOneRequestToHostAndToGuest() throws Exception {
        TestUser host = Tokens.newUser("Hilde Host", "Europe/Berlin");
        TestUser guest = Tokens.newUser("Gary Guest", "Asia/Tokyo");
        String roomId = RoomEvents.newRoomId();

        publish(event(RoomEventType.ROOM_BOOKED, roomId, 0, START, host, guest));

        InviteMails toHost = onlyMail(host, 1);
        InviteMails toGuest = onlyMail(guest, 1);
        for (InviteMails mail : List.of(toHost, toGuest)) {
            assertThat(mail.header("Content-Type")).startsWith("multipart/mixed");
            assertThat(mail.contentTypeMethod()).isEqualTo("REQUEST");
            assertThat(mail.calendarPart().getContentType()).containsIgnoringCase("charset=UTF-8");
            assertThat(mail.calendarProperty(Property.METHOD)).isEqualTo("REQUEST");
            assertThat(mail.property(Property.UID)).isEqualTo(roomId + "@rooms.schedulr.test");
            assertThat(mail.property(Property.SEQUENCE)).isEqualTo("0");
            assertThat(mail.property(Property.DTSTART)).isEqualTo("20300314T093000Z");
            assertThat(mail.property(Property.DTEND)).isEqualTo("20300314T101500Z");
            assertThat(mail.property(Property.STATUS)).isEqualTo("CONFIRMED");
            assertThat(mail.property(Property.ORGANIZER)).isEqualTo("mailto:" + host.email());
            assertThat(mail.param(Property.ORGANIZER, Parameter.CN)).isEqualTo("Hilde Host");
            assertThat(mail.param(Property.ORGANIZER, Parameter.SENT_BY)).isEqualTo("mailto:notifications@schedulr.local");
            assertThat(mail.property(Property.ATTENDEE)).isEqualTo("mailto:" + guest.email());
            assertThat(mail.param(Property.ATTENDEE, Parameter.CN)).isEqualTo("Gary Guest");
            assertThat(mail.param(Property.ATTENDEE, Parameter.PARTSTAT)).isEqualTo("NEEDS-ACTION");
            assertThat(mail.param(Property.ATTENDEE, Parameter.RSVP)).isEqualTo("TRUE");
            assertThat(mail.property(Property.URL)).isEqualTo("https://rooms.schedulr.test/" + roomId);
            assertThat(mail.fileName(mail.attachment())).isEqualTo("invite.ics");
            assertThat(mail.header("Message-ID")).matches("<[0-9a-f-]{36}@schedulr\\.local>");
        }
        assertThat(toHost.text("text/plain")).contains("Thursday, 14 March 2030, 10:30 \u2013 11:15 (Europe/Berlin, CET)");
        assertThat(toGuest.text("text/plain")).contains("Thursday, 14 March 2030, 18:30 \u2013 19:15 (Asia/Tokyo, JST)");
        assertThat(toGuest.text("text/html")).contains("Asia/Tokyo");
        IcsSamples.write("flow-booking-guest", toGuest.ics());
        IcsSamples.write("flow-booking-host", toHost.ics());
    }

    @Test
    void aRescheduleKeepsTheUidWithAHigherSequenceAndACancelFollowsThenNoStaleRequest() {
        TestUser host = Tokens.newUser("Rita Host", "America/Sao_Paulo");
        TestUser guest = Tokens.newUser("Rolf Guest", "Europe/London");
        String roomId = RoomEvents.newRoomId();

        publish(event(RoomEventType.ROOM_BOOKED, roomId, 1, START, host, guest));
        onlyMail(guest, 1);
        Instant later = START.plus(2, ChronoUnit.DAYS);
        publish(event(RoomEventType.ROOM_RESCHEDULED, roomId, 2, later, host, guest));
        InviteMails update = InviteMails.of(await(guest, 2).get(1));
        assertThat(update.contentTypeMethod()).isEqualTo("REQUEST");
        assertThat(update.property(Property.UID)).isEqualTo(roomId + "@rooms.schedulr.test");
        assertThat(update.property(Property.SEQUENCE)).isEqualTo("2");
        assertThat(update.property(Property.DTSTART)).isEqualTo("20300316T093000Z");
        IcsSamples.write("flow-reschedule-guest", update.ics());

        publish(event(RoomEventType.ROOM_CANCELLED, roomId, 3, later, host, guest));
        for (TestUser person : List.of(host, guest)) {
            List<MimeMessage> mails = await(person, 3);
            InviteMails cancel = InviteMails.of(mails.get(2));
            assertThat(cancel.contentTypeMethod()).isEqualTo("CANCEL");
            assertThat(cancel.calendarProperty(Property.METHOD)).isEqualTo("CANCEL");
            assertThat(cancel.property(Property.STATUS)).isEqualTo("CANCELLED");
            assertThat(cancel.property(Property.UID)).isEqualTo(roomId + "@rooms.schedulr.test");
            assertThat(Integer.parseInt(cancel.property(Property.SEQUENCE))).isEqualTo(3);
            IcsSamples.write("flow-cancel-" + (person == host ? "host" : "guest"), cancel.ics());
        }

        // A late REQUEST (older sequence than the cancel) must not resurrect the meeting in anyone's calendar.
        RecordMetadata stale = publish(event(RoomEventType.ROOM_RESCHEDULED, roomId, 2, START, host, guest));
        RoomEvents.awaitConsumed(stale);
        sleep(Duration.ofSeconds(3));
        assertThat(Mailboxes.inbox(guest.email())).hasSize(3);
        assertThat(Mailboxes.inbox(host.email())).hasSize(3);

        List<Map<String, Object>> audit = deliveries(roomId, host);
        assertThat(audit).filteredOn(a -> "SKIPPED_STALE".equals(a.get("outcome"))).hasSize(2)
                .allSatisfy(a -> assertThat((String) a.get("error")).contains("cancelled"));
        assertThat(audit).filteredOn(a -> "SENT".equals(a.get("outcome"))).hasSize(6);
    }

    @Test
    void theSameRecordTwiceStillMeansOneMailPerPerson() {
        TestUser host = Tokens.newUser("Dora Host", "UTC");
        TestUser guest = Tokens.newUser("Dan Guest", "Australia/Sydney");
        String roomId = RoomEvents.newRoomId();
        CloudEvent<RoomEvent> booking = event(RoomEventType.ROOM_BOOKED, roomId, 0, START, host, guest);

        publish(booking);
        RecordMetadata second = publish(booking);
        onlyMail(host, 1);
        onlyMail(guest, 1);
        RoomEvents.awaitConsumed(second);
        sleep(Duration.ofSeconds(3));

        assertThat(Mailboxes.inbox(host.email())).hasSize(1);
        assertThat(Mailboxes.inbox(guest.email())).hasSize(1);
        assertThat(deliveries(roomId, host)).filteredOn(a -> "SENT".equals(a.get("outcome"))).hasSize(2);
    }

    @Test
    void malformedAndUnknownRecordsAreDeadLetteredAndLaterRecordsStillGoOut() {
        TestUser host = Tokens.newUser("Mia Host", "Europe/Paris");
        TestUser guest = Tokens.newUser("Max Guest", "Europe/Paris");
        String roomId = RoomEvents.newRoomId();
        try (var deadLetters = io.schedulr.testsupport.TopicProbe.fromNow(RoomEvents.DEAD_LETTER_TOPIC)) {
            RoomEvents.publishRaw(roomId, "this is not json {");
            String unknownType = io.schedulr.events.EventCodec.encode(event(RoomEventType.ROOM_BOOKED, roomId, 0, START, host, guest))
                    .replace("io.schedulr.room.booked.v1", "io.schedulr.room.exploded.v9");
            RoomEvents.publishRaw(roomId, unknownType);
            RoomEvents.publishRaw(roomId, null);
            publish(event(RoomEventType.ROOM_BOOKED, roomId, 0, START, host, null));

            publish(event(RoomEventType.ROOM_BOOKED, roomId, 0, START, host, guest));
            InviteMails mail = onlyMail(guest, 1);
            assertThat(mail.contentTypeMethod()).isEqualTo("REQUEST");
            onlyMail(host, 1);

            var dead = deadLetters.await(r -> roomId.equals(r.key()), 4, Duration.ofSeconds(30));
            assertThat(dead).hasSize(4);
            assertThat(dead.get(0).value()).isEqualTo("this is not json {");
            assertThat(dead).allSatisfy(r -> assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull());
            assertThat(new String(dead.get(1).headers().lastHeader("dead-letter-reason").value())).contains("unknown event type");
            assertThat(new String(dead.get(3).headers().lastHeader("dead-letter-reason").value())).contains("guest");
        }
    }

    @Test
    void deliveriesAreForOperatorsAndTheRoomsParticipantsOnly() {
        TestUser host = Tokens.newUser("Olga Host", "Europe/Vienna");
        TestUser guest = Tokens.newUser("Otto Guest", "Europe/Vienna");
        String roomId = RoomEvents.newRoomId();
        publish(event(RoomEventType.ROOM_BOOKED, roomId, 5, START, host, guest));
        onlyMail(guest, 1);
        onlyMail(host, 1);

        given().get("/api/rooms/{id}/deliveries", roomId).then().statusCode(401).body("code", org.hamcrest.Matchers.equalTo("unauthorized"));
        TestUser stranger = Tokens.newUser("Stan Stranger", "UTC");
        given().header("Authorization", stranger.bearer()).get("/api/rooms/{id}/deliveries", roomId).then().statusCode(404)
                .body("code", org.hamcrest.Matchers.equalTo("room_not_found"));
        given().header("Authorization", Tokens.newUserWithRoles("Rhea Reader", "UTC", "reader").bearer())
                .get("/api/rooms/{id}/deliveries", roomId).then().statusCode(404);

        TestUser operator = Tokens.newUserWithRoles("Opal Operator", "UTC", "admin");
        List<Map<String, Object>> audit = given().header("Authorization", operator.bearer()).get("/api/rooms/{id}/deliveries", roomId)
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(audit).extracting(a -> a.get("outcome")).containsExactlyInAnyOrder("QUEUED", "QUEUED", "SENT", "SENT");
        assertThat(audit).extracting(a -> a.get("recipient")).contains(host.email(), guest.email());
        assertThat(audit).allSatisfy(a -> {
            assertThat(a.get("method")).isEqualTo("REQUEST");
            assertThat(a.get("sequence")).isEqualTo(5);
            assertThat(a.get("roomId")).isEqualTo(roomId);
            assertThat(a.get("eventId")).isNotNull();
            assertThat(a.get("attemptedAt")).isNotNull();
        });
        assertThat(deliveries(roomId, host)).isEqualTo(audit);
        assertThat(deliveries(roomId, guest)).isEqualTo(audit);
        given().header("Authorization", operator.bearer()).get("/api/rooms/{id}/deliveries", java.util.UUID.randomUUID())
                .then().statusCode(404).body("code", org.hamcrest.Matchers.equalTo("room_not_found"));
    }

    @Test
    void theEmailStatusHookNeedsTheSecretAndRecordsNoticesAgainstTheAttempt() {
        TestUser host = Tokens.newUser("Bea Host", "UTC");
        TestUser guest = Tokens.newUser("Bob Bounce", "UTC");
        String roomId = RoomEvents.newRoomId();
        publish(event(RoomEventType.ROOM_BOOKED, roomId, 0, START, host, guest));
        String messageId = onlyMail(guest, 1).header("Message-ID");
        onlyMail(host, 1);
        String body = "{\"messageId\":\"" + messageId + "\",\"status\":\"bounced\",\"detail\":\"550 mailbox unavailable\","
                + "\"occurredAt\":\"2025-03-01T10:00:00+01:00\"}";

        hook(null, body).then().statusCode(401).body("code", org.hamcrest.Matchers.equalTo("unauthorized"));
        hook("wrong-secret", body).then().statusCode(401);
        hook("test-only-hook-secret-but-longer", body).then().statusCode(401);
        hook("wrong-secret", "not json").then().statusCode(401);
        hook(SECRET, "not json").then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("malformed_json"));
        hook(SECRET, "{\"messageId\":\"" + messageId + "\",\"status\":\"exploded\"}").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("invalid_field"));
        hook(SECRET, "{\"status\":\"bounced\"}").then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("missing_field"));
        hook(SECRET, "{\"messageId\":\"" + messageId + "\",\"status\":\"bounced\",\"occurredAt\":\"yesterday\"}").then().statusCode(400);
        hook(SECRET, "{\"messageId\":\"<nobody@schedulr.local>\",\"status\":\"bounced\"}").then().statusCode(404)
                .body("code", org.hamcrest.Matchers.equalTo("unknown_message"));

        int attemptId = hook(SECRET, body).then().statusCode(202).body("status", org.hamcrest.Matchers.equalTo("BOUNCED"))
                .extract().path("attemptId");

        List<Map<String, Object>> audit = deliveries(roomId, host);
        Map<String, Object> sent = audit.stream().filter(a -> ((Number) a.get("attemptId")).intValue() == attemptId).findFirst().orElseThrow();
        assertThat(sent.get("outcome")).isEqualTo("SENT");
        assertThat(sent.get("recipient")).isEqualTo(guest.email());
        assertThat(sent.get("messageId")).isEqualTo(messageId);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> notices = (List<Map<String, Object>>) sent.get("notices");
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).containsEntry("status", "BOUNCED").containsEntry("detail", "550 mailbox unavailable");
        assertThat((String) notices.get(0).get("occurredAt")).startsWith("2025-03-01T09:00:00");
    }

    static final String SECRET = "test-only-hook-secret";

    static Response hook(String secret, String body) {
        var request = given().contentType("application/json").body(body);
        if (secret != null) {
            request = request.header("X-Hook-Secret", secret);
        }
        return request.post("/api/hooks/email-status");
    }

    static List<Map<String, Object>> deliveries(String roomId, TestUser asParticipant) {
        return given().header("Authorization", asParticipant.bearer()).get("/api/rooms/{id}/deliveries", roomId)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    static List<MimeMessage> await(TestUser person, int count) {
        List<MimeMessage> mails = Mailboxes.awaitInbox(person.email(), count, MAIL_WAIT);
        assertThat(mails).as("mails to %s", person.email()).hasSizeGreaterThanOrEqualTo(count);
        return mails;
    }

    /** Waits for the {@code count}th mail and checks no more than {@code count} arrived; returns the last. */
    static InviteMails onlyMail(TestUser person, int count) {
        List<MimeMessage> mails = await(person, count);
        assertThat(mails).as("mails to %s", person.email()).hasSize(count);
        return InviteMails.of(mails.get(count - 1));
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
