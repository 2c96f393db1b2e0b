package io.schedulr.notification.flow;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.RoomEventType;
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
import java.util.List;
import java.util.Map;

import static io.schedulr.notification.flow.InvitationFlowTest.deliveries;
import static io.schedulr.notification.flow.InvitationFlowTest.onlyMail;
import static io.schedulr.notification.flow.InvitationFlowTest.sleep;
import static io.schedulr.notification.support.RoomEvents.event;
import static io.schedulr.notification.support.RoomEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The SMTP server is down for a while: nothing is lost, nothing is doubled, everything goes out once it is back. */
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

            // The sends fail (after the mailer's own retries), are audited as FAILED and parked, and are tried again.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(deliveries(roomA, hostA)).filteredOn(a -> "FAILED".equals(a.get("outcome")))
                            .extracting(a -> a.get("recipient")).contains(hostA.email(), guestA.email()));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(deliveries(roomB, hostB)).filteredOn(a -> "FAILED".equals(a.get("outcome")))
                            .hasSizeGreaterThanOrEqualTo(4));
            assertThat(deliveries(roomA, hostA)).filteredOn(a -> "FAILED".equals(a.get("outcome")))
                    .allSatisfy(a -> assertThat(a.get("deliveryStatus")).isIn("PARKED", "PENDING"));
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
        sleep(Duration.ofSeconds(4));
        for (TestUser person : List.of(hostA, guestA, hostB, guestB)) {
            assertThat(Mailboxes.inbox(person.email())).as("mails to %s", person.email()).hasSize(1);
        }
        List<Map<String, Object>> auditA = deliveries(roomA, hostA);
        assertThat(auditA).filteredOn(a -> "SENT".equals(a.get("outcome"))).extracting(a -> a.get("recipient"))
                .containsExactlyInAnyOrder(hostA.email(), guestA.email());
        assertThat(auditA).filteredOn(a -> a.get("deliveryStatus") != null).allSatisfy(a -> assertThat(a.get("deliveryStatus")).isEqualTo("SENT"));
        assertThat(auditA).filteredOn(a -> "FAILED".equals(a.get("outcome")))
                .allSatisfy(a -> assertThat((String) a.get("error")).isNotBlank());
    }
}
