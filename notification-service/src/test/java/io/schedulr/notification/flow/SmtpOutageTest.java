package io.schedulr.notification.flow;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.RoomEventType;
import io.schedulr.notification.support.Db;
import io.schedulr.notification.support.InviteMails;
import io.schedulr.notification.support.RoomEvents;
import io.schedulr.testsupport.InfraControl;
import io.schedulr.testsupport.Mailboxes;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.schedulr.notification.flow.InvitationFlowTest.deliveries;
import static io.schedulr.notification.flow.InvitationFlowTest.onlyMail;
import static io.schedulr.notification.flow.InvitationFlowTest.sleep;
import static io.schedulr.notification.support.RoomEvents.event;
import static io.schedulr.notification.support.RoomEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SMTP server is down for a while: nothing is lost, nothing is doubled, no delivery is charged an attempt for the
 * outage, and everything goes out at full speed as soon as the server answers again (production back-off values).
 */
@QuarkusTest
class SmtpOutageTest {

    @BeforeAll
    static void topics() {
        RoomEvents.ensureTopics();
    }

    @Test
    void mailsQueuedWhileSmtpIsDownArriveOnceWhenItIsBack() {
        TestUser hostA = Tokens.newUser("Ann Host", "Europe/Madrid");
        TestUser guestA = Tokens.newUser("Ali Guest", "Africa/Cairo");
        TestUser hostB = Tokens.newUser("Ben Host", "America/Chicago");
        TestUser guestB = Tokens.newUser("Bea Guest", "Pacific/Auckland");
        String roomA = RoomEvents.newRoomId();
        String roomB = RoomEvents.newRoomId();
        Instant start = Instant.parse("2031-01-20T15:00:00Z");

        InfraControl.stopSmtp();
        try {
            RoomEvents.awaitConsumed(publish(event(RoomEventType.ROOM_BOOKED, roomA, 0, start, hostA, guestA)));
            RoomEvents.awaitConsumed(publish(event(RoomEventType.ROOM_BOOKED, roomB, 7, start, hostB, guestB)));
            sleep(Duration.ofSeconds(3));

            // The dispatcher found the server down and waits for it: the deliveries are queued, untouched, uncharged.
            assertThat(deliveries(roomA, hostA)).extracting(a -> a.get("outcome")).containsOnly("QUEUED");
            assertThat(deliveries(roomA, hostA)).allSatisfy(a -> assertThat(a.get("deliveryStatus")).isEqualTo("PENDING"));
            assertThat(Db.count("SELECT coalesce(max(attempts), 0) FROM delivery WHERE room_id IN ('" + roomA + "', '" + roomB + "')"))
                    .isZero();
            for (TestUser person : List.of(hostA, guestA, hostB, guestB)) {
                assertThat(Mailboxes.inbox(person.email())).as("nothing can arrive while SMTP is down").isEmpty();
            }
        } finally {
            InfraControl.startSmtp();
        }

        for (TestUser person : List.of(hostA, guestA, hostB, guestB)) {
            InviteMails mail = onlyMail(person, 1);
            assertThat(mail.contentTypeMethod()).isEqualTo("REQUEST");
        }
        assertThat(onlyMail(guestB, 1).property(Property.SEQUENCE)).isEqualTo("7");

        // More scheduled rounds pass: still exactly one mail per person, and exactly one SENT per recipient.
        sleep(Duration.ofSeconds(3));
        for (TestUser person : List.of(hostA, guestA, hostB, guestB)) {
            assertThat(Mailboxes.inbox(person.email())).as("mails to %s", person.email()).hasSize(1);
        }
        List<Map<String, Object>> auditA = deliveries(roomA, hostA);
        assertThat(auditA).extracting(a -> a.get("outcome")).containsExactlyInAnyOrder("QUEUED", "QUEUED", "SENT", "SENT");
        assertThat(auditA).filteredOn(a -> "SENT".equals(a.get("outcome"))).extracting(a -> a.get("recipient"))
                .containsExactlyInAnyOrder(hostA.email(), guestA.email());
    }

    /** Finding 10 of the hardening issue: a 20 s outage once took 46 s to drain, the breaker's refusals parked as failures. */
    @Test
    void aBacklogQueuedDuringA20SecondOutageGoesOutWithinSecondsOfRecoveryWithOneAttemptEach() {
        List<TestUser> people = new ArrayList<>();
        List<String> rooms = new ArrayList<>();
        Instant start = Instant.parse("2031-02-03T08:00:00Z");

        InfraControl.stopSmtp();
        Instant down = Instant.now();
        try {
            for (int i = 0; i < 20; i++) {
                TestUser host = person("Backlog Host " + i);
                TestUser guest = person("Backlog Guest " + i);
                people.add(host);
                people.add(guest);
                String room = RoomEvents.newRoomId();
                rooms.add(room);
                publish(event(RoomEventType.ROOM_BOOKED, room, 0, start, host, guest));
            }
            String inRooms = rooms.stream().map(r -> "'" + r + "'").collect(Collectors.joining(",", "(", ")"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Db.count("SELECT count(*) FROM delivery WHERE room_id IN " + inRooms) == 40);
            Duration left = Duration.between(Instant.now(), down.plusSeconds(20));
            sleep(left.isNegative() ? Duration.ZERO : left);
        } finally {
            InfraControl.startSmtp();
        }
        String inRooms = rooms.stream().map(r -> "'" + r + "'").collect(Collectors.joining(",", "(", ")"));

        // The bound is on the service (every mail handed to the server soon after it is back), not on this test's own 40
        // mailbox reads after it, which a busy machine makes slow.
        await().alias("every invitation sent within 8 s of recovery").atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(200))
                .until(() -> Db.count("SELECT count(*) FROM delivery WHERE status = 'SENT' AND room_id IN " + inRooms) == 40);
        for (TestUser person : people) {
            assertThat(Mailboxes.inbox(person.email())).as("mails to %s", person.email()).hasSize(1);
        }
        assertThat(Db.count("SELECT count(*) FROM delivery WHERE attempts <> 1 AND room_id IN " + inRooms))
                .as("deliveries charged attempts for the outage").isZero();
        assertThat(Db.count("SELECT count(*) FROM delivery_attempt WHERE outcome = 'FAILED' AND room_id IN " + inRooms)).isZero();
    }

    /** Only the address matters for mail; no token is needed. */
    private static TestUser person(String name) {
        String email = name.toLowerCase().replace(" ", "") + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        return new TestUser(UUID.randomUUID().toString(), email, name, "UTC", null);
    }
}
