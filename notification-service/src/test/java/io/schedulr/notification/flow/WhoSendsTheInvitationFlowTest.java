package io.schedulr.notification.flow;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.events.RoomMirrorFailure;
import io.schedulr.notification.support.CalendarEvents;
import io.schedulr.notification.support.InviteMails;
import io.schedulr.notification.support.RoomEvents;
import io.schedulr.testsupport.KafkaRecords;
import io.schedulr.testsupport.Mailboxes;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import net.fortuna.ical4j.model.Property;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.schedulr.notification.flow.InvitationFlowTest.deliveries;
import static io.schedulr.notification.flow.InvitationFlowTest.onlyMail;
import static io.schedulr.notification.flow.InvitationFlowTest.sleep;
import static io.schedulr.notification.support.RoomEvents.event;
import static io.schedulr.notification.support.RoomEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sends the invitation, Google or us (docs/operations.md), end to end with the gate on: room events left to Google
 * (calendar-sync-service decides), mirror failures on the real Kafka topic emailed, mails in the real IMAP inboxes, the
 * audit over the API.
 */
@QuarkusTest
@TestProfile(WhoSendsTheInvitationFlowTest.GateOn.class)
class WhoSendsTheInvitationFlowTest {
    public static class GateOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("schedulr.calendar.required", "true");
        }
    }

    static final Instant START = Instant.parse("2030-05-06T08:00:00Z");
    static final Instant RELEASE_START = Instant.parse("2030-06-11T15:00:00Z");
    static final Duration QUIET = Duration.ofSeconds(3);

    @BeforeAll
    static void topics() {
        RoomEvents.ensureTopics();
        CalendarEvents.ensureTopics();
    }

    @Test
    void aBookingIsLeftToGoogleAndTheDeliveriesSayWhy() {
        // No connection state is consulted here (it would lag behind calendar-sync-service's and double a booking made just
        // after connecting): calendar-sync-service mirrors the room so Google invites, or announces that it cannot.
        Booked booked = booked("Gina Host", "Gabe Guest", "Europe/Berlin", START);
        TestUser host = booked.host();
        TestUser guest = booked.guest();
        String roomId = booked.roomId();
        sleep(QUIET);

        assertThat(Mailboxes.inbox(host.email())).isEmpty();
        assertThat(Mailboxes.inbox(guest.email())).isEmpty();
        List<Map<String, Object>> audit = deliveries(roomId, guest);
        assertThat(audit).hasSize(2).allSatisfy(a -> {
            assertThat(a.get("outcome")).isEqualTo("LEFT_TO_GOOGLE");
            assertThat(a.get("deliveryStatus")).isEqualTo("LEFT_TO_GOOGLE");
            assertThat(a.get("messageId")).isNull();
            assertThat((String) a.get("error")).contains("calendar-sync-service puts the room on the host's Google calendar");
        });
        assertThat(audit).extracting(a -> a.get("recipient")).containsExactlyInAnyOrder(host.email(), guest.email());
        assertThat(deliveries(roomId, host)).isEqualTo(audit);
    }

    @Test
    void aRevokedHostsBookingIsEmailedWhenCalendarSyncSaysGoogleWillNotInvite() {
        TestUser host = Tokens.newUser("Nora Host", "UTC");
        TestUser guest = Tokens.newUser("Ned Guest", "UTC");
        String roomId = RoomEvents.newRoomId();
        CloudEvent<RoomEvent> booking = event(RoomEventType.ROOM_BOOKED, roomId, 0, START, host, guest);
        RoomEvents.awaitConsumed(publish(booking));

        CalendarEvents.publishFailure(CalendarEvents.mirrorFailure(booking, "revoked"));

        assertThat(onlyMail(host, 1).contentTypeMethod()).isEqualTo("REQUEST");
        assertThat(onlyMail(guest, 1).property(Property.UID)).isEqualTo(roomId + "@rooms.schedulr.test");
    }

    @Test
    void aMirrorFailureAfterTheChangeWasLeftToGoogleEmailsBothOnceWhateverIsRedelivered() {
        TestUser host = Tokens.newUser("Fay Host", "Europe/Paris");
        TestUser guest = Tokens.newUser("Finn Guest", "America/Chicago");
        String roomId = RoomEvents.newRoomId();
        CloudEvent<RoomEvent> booking = event(RoomEventType.ROOM_BOOKED, roomId, 0, START, host, guest);
        RoomEvents.awaitConsumed(publish(booking));
        CloudEvent<RoomEvent> moved = event(RoomEventType.ROOM_RESCHEDULED, roomId, 1, START.plus(1, ChronoUnit.DAYS), host, guest);
        RoomEvents.awaitConsumed(publish(moved));
        sleep(QUIET);
        assertThat(Mailboxes.inbox(guest.email())).isEmpty();

        CloudEvent<RoomMirrorFailure> failure = CalendarEvents.mirrorFailure(moved, "google_rejected:forbidden");
        CalendarEvents.publishFailure(failure);
        for (TestUser person : List.of(host, guest)) {
            InviteMails mail = onlyMail(person, 1);
            assertThat(mail.contentTypeMethod()).isEqualTo("REQUEST");
            assertThat(mail.property(Property.UID)).isEqualTo(roomId + "@rooms.schedulr.test");
            assertThat(mail.property(Property.SEQUENCE)).isEqualTo("1");
            assertThat(mail.property(Property.DTSTART)).isEqualTo("20300507T080000Z");
        }

        // the same failure redelivered, the same change reported again under a new id, the room event replayed
        CalendarEvents.publishFailure(failure);
        RecordMetadata again = CalendarEvents.publishFailure(CalendarEvents.mirrorFailure(moved, "google_rejected:forbidden"));
        RecordMetadata replay = publish(moved);
        KafkaRecords.awaitConsumed(again, CalendarEvents.MIRROR_FAILURES_GROUP);
        RoomEvents.awaitConsumed(replay);
        sleep(QUIET);
        assertThat(Mailboxes.inbox(host.email())).hasSize(1);
        assertThat(Mailboxes.inbox(guest.email())).hasSize(1);
        List<Map<String, Object>> audit = deliveries(roomId, host);
        assertThat(audit).filteredOn(a -> "SENT".equals(a.get("outcome"))).hasSize(2);
        assertThat(audit).filteredOn(a -> "SKIPPED_DUPLICATE".equals(a.get("outcome"))).hasSize(2);
        assertThat(audit).filteredOn(a -> "LEFT_TO_GOOGLE".equals(a.get("outcome"))).hasSize(4);
    }

    @Test
    void aMirrorFailureBeforeTheRoomEventStillMeansOneMailEach() {
        TestUser host = Tokens.newUser("Pia Host", "Europe/Rome");
        TestUser guest = Tokens.newUser("Paul Guest", "Europe/Rome");
        String roomId = RoomEvents.newRoomId();
        CloudEvent<RoomEvent> booking = event(RoomEventType.ROOM_BOOKED, roomId, 2, START, host, guest);

        KafkaRecords.awaitConsumed(CalendarEvents.publishFailure(CalendarEvents.mirrorFailure(booking, "not_connected")),
                CalendarEvents.MIRROR_FAILURES_GROUP);
        RoomEvents.awaitConsumed(publish(booking));
        for (TestUser person : List.of(host, guest)) {
            InviteMails mail = onlyMail(person, 1);
            assertThat(mail.property(Property.UID)).isEqualTo(roomId + "@rooms.schedulr.test");
            assertThat(mail.property(Property.SEQUENCE)).isEqualTo("2");
        }
        sleep(QUIET);
        assertThat(Mailboxes.inbox(host.email())).hasSize(1);
        assertThat(Mailboxes.inbox(guest.email())).hasSize(1);

        // a cancel that calendar-sync-service could not write either: one CANCEL each, never a second
        CloudEvent<RoomEvent> cancel = event(RoomEventType.ROOM_CANCELLED, roomId, 3, START, host, guest);
        CalendarEvents.publishFailure(CalendarEvents.mirrorFailure(cancel, "not_connected"));
        publish(cancel);
        for (TestUser person : List.of(host, guest)) {
            InviteMails mail = InviteMails.of(InvitationFlowTest.await(person, 2).get(1));
            assertThat(mail.contentTypeMethod()).isEqualTo("CANCEL");
            assertThat(mail.property(Property.SEQUENCE)).isEqualTo("3");
        }
        sleep(QUIET);
        assertThat(Mailboxes.inbox(host.email())).hasSize(2);
        assertThat(Mailboxes.inbox(guest.email())).hasSize(2);
    }

    @Test
    void aBadMirrorFailureRecordFailsAlone() {
        TestUser host = Tokens.newUser("Bo Host", "UTC");
        TestUser guest = Tokens.newUser("Bea Guest", "UTC");
        String roomId = RoomEvents.newRoomId();
        KafkaRecords.publish(io.schedulr.events.Topics.CALENDAR_MIRROR_FAILURES, roomId, "{\"id\":\"x\",\"type\":\"nope\"}");
        CloudEvent<RoomEvent> booking = event(RoomEventType.ROOM_BOOKED, roomId, 0, START, host, guest);
        KafkaRecords.awaitConsumed(CalendarEvents.publishFailure(CalendarEvents.mirrorFailure(booking, "google_rejected:invalid")),
                CalendarEvents.MIRROR_FAILURES_GROUP);
        onlyMail(host, 1);
        onlyMail(guest, 1);
    }

    @Test
    void aReleaseIsLeftToGoogleAndItsMirrorFailureEmailsBothOnce() {
        Booked booked = booked("Lena Host", "Lars Leaver", "Europe/Madrid", RELEASE_START);
        TestUser host = booked.host();
        TestUser guest = booked.guest();
        String roomId = booked.roomId();
        CloudEvent<RoomEvent> released = event(RoomEventType.ROOM_RELEASED, roomId, 1, RELEASE_START, host, guest);
        RoomEvents.awaitConsumed(publish(released));
        sleep(QUIET);

        assertThat(Mailboxes.inbox(host.email())).isEmpty();
        assertThat(Mailboxes.inbox(guest.email())).isEmpty();
        List<Map<String, Object>> audit = deliveries(roomId, guest);
        assertThat(audit).filteredOn(a -> "CANCEL".equals(a.get("method"))).hasSize(2).allSatisfy(a -> {
            assertThat(a.get("outcome")).isEqualTo("LEFT_TO_GOOGLE");
            assertThat(a.get("deliveryStatus")).isEqualTo("LEFT_TO_GOOGLE");
            assertThat(a.get("sequence")).isEqualTo(1);
        }).extracting(a -> a.get("recipient")).containsExactlyInAnyOrder(host.email(), guest.email());

        // calendar-sync-service could not delete the event in Google: both get our CANCEL, once, however often reported
        CalendarEvents.publishFailure(CalendarEvents.mirrorFailure(released, "google_rejected:forbidden"));
        for (TestUser person : List.of(host, guest)) {
            InviteMails cancel = onlyMail(person, 1);
            assertThat(cancel.contentTypeMethod()).isEqualTo("CANCEL");
            assertThat(cancel.property(Property.UID)).isEqualTo(roomId + "@rooms.schedulr.test");
            assertThat(cancel.property(Property.SEQUENCE)).isEqualTo("1");
        }
        KafkaRecords.awaitConsumed(CalendarEvents.publishFailure(CalendarEvents.mirrorFailure(released, "google_rejected:forbidden")),
                CalendarEvents.MIRROR_FAILURES_GROUP);
        sleep(QUIET);
        assertThat(Mailboxes.inbox(host.email())).hasSize(1);
        assertThat(Mailboxes.inbox(guest.email())).hasSize(1);
    }

    /** A host and a guest, and the room the guest booked at {@code start}, its event handled by the service. */
    private record Booked(TestUser host, TestUser guest, String roomId) {
    }

    private static Booked booked(String hostName, String guestName, String zone, Instant start) {
        Booked booked = new Booked(Tokens.newUser(hostName, zone), Tokens.newUser(guestName, zone), RoomEvents.newRoomId());
        RoomEvents.awaitConsumed(publish(event(RoomEventType.ROOM_BOOKED, booked.roomId(), 0, start, booked.host(), booked.guest())));
        return booked;
    }
}
