package io.schedulr.notification.flow;

import io.schedulr.testsupport.Metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.schedulr.events.RoomEventType;
import io.schedulr.notification.support.Db;
import io.schedulr.notification.support.RoomEvents;
import io.schedulr.testsupport.InfraControl;
import io.schedulr.testsupport.Mailboxes;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static io.schedulr.notification.support.RoomEvents.event;
import static io.schedulr.notification.support.RoomEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The figures an operator watches on {@code /q/metrics} move with the mail the service sends (docs/operations.md, "Metrics"). */
@QuarkusTest
class OperatorMetricsTest {
    private static final String SENT = "outcome=\"sent\"";
    private static final String PENDING = "status=\"pending\"";
    private static final String PARKED = "status=\"parked\"";
    private static final String BOUNCED = "status=\"bounced\"";
    private static final String DELIVERED = "status=\"delivered\"";

    @BeforeAll
    static void topics() {
        RoomEvents.ensureTopics();
    }

    @Test
    void servesPrometheusTextWithTheFrameworkDefaults() {
        Response scrape = given().accept("text/plain").get("/q/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        assertThat(scrape.asString()).contains("# TYPE jvm_memory_used_bytes gauge").contains("jvm_threads_live_threads");
    }

    @Test
    void aBookingsTwoInvitationsAreCountedAsSent() {
        double sent = Metrics.count("schedulr_invitations_total", SENT);
        double failed = Metrics.count("schedulr_invitations_total", "outcome=\"failed\"");
        TestUser host = Tokens.newUser("Metric Host", "UTC");
        TestUser guest = Tokens.newUser("Metric Guest", "UTC");

        publish(event(RoomEventType.ROOM_BOOKED, RoomEvents.newRoomId(), 0, Instant.parse("2031-05-02T10:00:00Z"), host, guest));

        Mailboxes.awaitInbox(host.email(), 1, Duration.ofSeconds(45));
        Mailboxes.awaitInbox(guest.email(), 1, Duration.ofSeconds(45));
        await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.count("schedulr_invitations_total", SENT) == sent + 2);
        assertThat(Metrics.count("schedulr_invitations_total", "outcome=\"failed\"")).isEqualTo(failed);
        // The broker's view of the consumer group (other tests' records may still wait, so no exact figure here).
        await().atMost(Duration.ofSeconds(20)).until(() -> Metrics.value("schedulr_consumer_lag_records",
                "group=\"notification-service\"", "topic=\"scheduling.room-events.v1\"") >= 0);
    }

    @Test
    void theMailProvidersReportsAreCountedByStatusOnceRecorded() {
        TestUser host = Tokens.newUser("Rita Reported", "UTC");
        TestUser guest = Tokens.newUser("Bea Bounced", "UTC");
        String roomId = RoomEvents.newRoomId();
        publish(event(RoomEventType.ROOM_BOOKED, roomId, 0, Instant.now().plus(Duration.ofDays(3)), host, guest));
        String bounced = InvitationFlowTest.onlyMail(guest, 1).header("Message-ID");
        String delivered = InvitationFlowTest.onlyMail(host, 1).header("Message-ID");
        double bounces = Metrics.count("schedulr_mail_reports_total", BOUNCED);
        double deliveries = Metrics.count("schedulr_mail_reports_total", DELIVERED);

        InvitationFlowTest.hook(InvitationFlowTest.SECRET, "{\"messageId\":\"" + bounced + "\",\"status\":\"bounced\",\"detail\":\"550\"}")
                .then().statusCode(202);
        InvitationFlowTest.hook(InvitationFlowTest.SECRET, "{\"messageId\":\"" + delivered + "\",\"status\":\"delivered\"}").then().statusCode(202);
        InvitationFlowTest.hook(InvitationFlowTest.SECRET, "{\"messageId\":\"<nobody@schedulr.local>\",\"status\":\"bounced\"}")
                .then().statusCode(404);

        assertThat(Metrics.count("schedulr_mail_reports_total", BOUNCED)).as("the unknown message is not counted").isEqualTo(bounces + 1);
        assertThat(Metrics.count("schedulr_mail_reports_total", DELIVERED)).isEqualTo(deliveries + 1);
    }

    @Test
    void whileTheMailServerIsDownPendingMailsAndTheirLagGrowThenDrain() {
        await().atMost(Duration.ofSeconds(30)).until(() -> Metrics.value("schedulr_deliveries_waiting", PENDING) == 0);
        assertThat(Metrics.value("schedulr_deliveries_oldest_pending_age_seconds")).isZero();
        TestUser host = Tokens.newUser("Outage Host", "UTC");
        TestUser guest = Tokens.newUser("Outage Guest", "UTC");
        String room = RoomEvents.newRoomId();

        InfraControl.stopSmtp();
        try {
            RoomEvents.awaitConsumed(publish(event(RoomEventType.ROOM_BOOKED, room, 0, Instant.parse("2031-05-03T10:00:00Z"), host, guest)));
            await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.value("schedulr_deliveries_waiting", PENDING) == 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.value("schedulr_deliveries_oldest_pending_age_seconds") >= 1.5);
            assertThat(Metrics.value("schedulr_deliveries_waiting", PARKED)).as("an unreachable server parks nothing")
                    .isEqualTo(Db.count("SELECT count(*) FROM delivery WHERE status = 'PARKED'"));
        } finally {
            InfraControl.startSmtp();
        }

        Mailboxes.awaitInbox(guest.email(), 1, Duration.ofSeconds(45));
        await().atMost(Duration.ofSeconds(20)).until(() -> Metrics.value("schedulr_deliveries_waiting", PENDING) == 0);
        assertThat(Metrics.value("schedulr_deliveries_oldest_pending_age_seconds")).isZero();
    }

    /**
     * A parked delivery is one the SMTP server refused; the local server refuses nothing, so the test parks one of a sent
     * booking's deliveries in the table (an hour until its next attempt) and gives it back afterwards.
     */
    @Test
    void aParkedDeliveryIsCountedUntilItLeavesTheQueue() {
        TestUser host = Tokens.newUser("Parked Host", "UTC");
        TestUser guest = Tokens.newUser("Parked Guest", "UTC");
        String room = RoomEvents.newRoomId();
        publish(event(RoomEventType.ROOM_BOOKED, room, 0, Instant.parse("2031-05-04T10:00:00Z"), host, guest));
        Mailboxes.awaitInbox(guest.email(), 1, Duration.ofSeconds(45));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Db.count("SELECT count(*) FROM delivery WHERE status = 'SENT' AND room_id = '" + room + "'") == 2);
        double parked = Metrics.value("schedulr_deliveries_waiting", PARKED);
        String guestsDelivery = "room_id = '" + room + "' AND recipient_email = '" + guest.email() + "'";
        try {
            Db.execute("UPDATE delivery SET status = 'PARKED', attempts = 1, next_attempt_at = now() + interval '1 hour' WHERE " + guestsDelivery);
            await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.value("schedulr_deliveries_waiting", PARKED) == parked + 1);
        } finally {
            Db.execute("UPDATE delivery SET status = 'SENT', next_attempt_at = now() WHERE " + guestsDelivery);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.value("schedulr_deliveries_waiting", PARKED) == parked);
    }
}
