package io.schedulr.scheduling.api;

import io.schedulr.testsupport.Metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import io.schedulr.testsupport.infra.InfraEndpoints;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The figures an operator watches on {@code /q/metrics} move with what users do (docs/operations.md, "Metrics"). */
@QuarkusTest
class OperatorMetricsTest {
    /** The lock id the relay takes (KafkaOutboxRelay.RELAY_LOCK): holding it stands for a relay that cannot publish. */
    private static final long RELAY_LOCK = 7_262_001L;

    @Test
    void servesPrometheusTextWithTheFrameworkDefaults() {
        Response scrape = given().accept("text/plain").get("/q/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        assertThat(scrape.asString()).contains("# TYPE jvm_memory_used_bytes gauge").contains("jvm_threads_live_threads");
    }

    @Test
    void aRoomBookingAndASlotBookingAreCounted() {
        double rooms = Metrics.count("schedulr_bookings_total", "kind=\"room\"");
        double slots = Metrics.count("schedulr_bookings_total", "kind=\"slot\"");
        TestUser host = Tokens.newUser("Metrics Host", "UTC");
        TestUser guest = Tokens.newUser("Metrics Guest", "UTC");

        RoomApi.book(guest, RoomApi.createRoom(host, 5)).statusCode(200);
        assertThat(Metrics.count("schedulr_bookings_total", "kind=\"room\"")).isEqualTo(rooms + 1);

        Instant start = Instant.now().plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String slot = given().header("Authorization", host.bearer()).contentType(ContentType.JSON)
                .body("{\"startTs\":\"" + start + "\",\"endTs\":\"" + start.plus(1, ChronoUnit.HOURS) + "\"}")
                .post("/api/slots").then().statusCode(201).extract().path("[0].id");
        given().header("Authorization", guest.bearer()).post("/api/slots/" + slot + "/book").then().statusCode(200);
        assertThat(Metrics.count("schedulr_bookings_total", "kind=\"slot\"")).isEqualTo(slots + 1);
        assertThat(Metrics.count("schedulr_bookings_total", "kind=\"room\"")).as("a slot booking is not a room booking")
                .isEqualTo(rooms + 1);
    }

    @Test
    void eachPublishedEventIsCountedByTypeAndEachConsumerGroupsLagIsShown() {
        String booked = "type=\"io.schedulr.room.booked.v1\"";
        double before = Metrics.count("schedulr_events_published_total", booked);
        TestUser host = Tokens.newUser("Events Host", "UTC");
        TestUser guest = Tokens.newUser("Events Guest", "UTC");

        RoomApi.book(guest, RoomApi.createRoom(host, 5)).statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> Metrics.count("schedulr_events_published_total", booked) == before + 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> Metrics.value("schedulr_consumer_lag_records",
                "group=\"scheduling-calcom-bookings\"", "topic=\"calcom.booking-events.v1\"") >= 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> Metrics.value("schedulr_consumer_lag_records",
                "group=\"scheduling-room-commands\"", "topic=\"scheduling.room-commands.v1\"") >= 0);
        assertThat(Metrics.scrape()).as("the live stream's group never commits, so the broker would count every record against it")
                .doesNotContain("group=\"scheduling-room-stream-");
    }

    @Test
    void aLostBookingRaceIsCountedByItsCode() {
        String code = "code=\"room_already_booked\"";
        double before = Metrics.count("schedulr_conflicts_total", code);
        double bookings = Metrics.count("schedulr_bookings_total", "kind=\"room\"");
        TestUser host = Tokens.newUser("Host", "UTC");
        String id = RoomApi.createRoom(host, 4);
        RoomApi.book(Tokens.newUser("First", "UTC"), id).statusCode(200);
        RoomApi.book(Tokens.newUser("Second", "UTC"), id).statusCode(409);

        assertThat(Metrics.count("schedulr_conflicts_total", code)).isEqualTo(before + 1);
        assertThat(Metrics.count("schedulr_bookings_total", "kind=\"room\"")).as("the loser is no booking").isEqualTo(bookings + 1);
    }

    @Test
    void theOutboxBacklogAndTheAgeOfItsOldestRowGrowWhileTheRelayCannotPublishAndFallWhenItCan() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> Metrics.value("schedulr_outbox_backlog") == 0);
        assertThat(Metrics.value("schedulr_outbox_oldest_age_seconds")).isZero();

        InfraEndpoints e = TestInfra.get();
        try (Connection otherReplica = DriverManager.getConnection(e.jdbcUrl("scheduling"), e.postgresUser(), e.postgresPassword())) {
            otherReplica.setAutoCommit(false);
            otherReplica.createStatement().execute("SELECT pg_advisory_xact_lock(" + RELAY_LOCK + ")");

            TestUser host = Tokens.newUser("Host", "UTC");
            String id = RoomApi.createRoom(host, 4);
            RoomApi.book(Tokens.newUser("Guest", "UTC"), id).statusCode(200);
            String waiting = "FROM outbox WHERE published_at IS NULL AND set_aside_at IS NULL";
            assertThat(Db.count("SELECT count(*) " + waiting + " AND message_key = ?", id)).isEqualTo(2);

            await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.value("schedulr_outbox_backlog") == Db.count("SELECT count(*) " + waiting));
            assertThat(Metrics.value("schedulr_outbox_backlog")).isGreaterThanOrEqualTo(2);
            await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.value("schedulr_outbox_oldest_age_seconds") >= 1.5);
            double age = Metrics.value("schedulr_outbox_oldest_age_seconds");
            double oldest = Db.count("SELECT (extract(epoch FROM clock_timestamp() - min(created_at)) * 1000)::bigint " + waiting) / 1000.0;
            assertThat(age).as("the oldest waiting row's age, read a moment earlier").isLessThanOrEqualTo(oldest).isGreaterThan(oldest - 5);

            otherReplica.commit();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> Metrics.value("schedulr_outbox_backlog") == 0);
        assertThat(Metrics.value("schedulr_outbox_oldest_age_seconds")).isZero();
    }
}
