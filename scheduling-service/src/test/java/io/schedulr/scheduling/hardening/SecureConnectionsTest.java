package io.schedulr.scheduling.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.schedulr.events.RoomEventType;
import io.schedulr.events.Topics;
import io.schedulr.scheduling.api.Db;
import io.schedulr.scheduling.api.RoomApi;
import io.schedulr.scheduling.api.RoomEvents;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.TopicProbe;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With TLS and SASL configured ({@link SecureConnectionsProfile}), a booking goes out to Kafka through the SASL/SCRAM
 * listener within seconds — so the outbox LISTEN connection works although the database role may only use TLS — and
 * every connection the service holds to PostgreSQL (Flyway's, the reactive pool's, the LISTEN one) is encrypted.
 */
@QuarkusTest
@TestProfile(SecureConnectionsProfile.class)
class SecureConnectionsTest {
    private static final String TLS_CONNECTIONS_OF_THE_ROLE =
            "SELECT count(*) FROM pg_stat_ssl JOIN pg_stat_activity USING (pid) WHERE usename = ? AND ssl = ?";

    @Test
    void aBookingReachesKafkaOverSaslScramAndEveryDatabaseConnectionIsTls() {
        TestUser host = Tokens.newUser("Host", "UTC");
        TestUser guest = Tokens.newUser("Guest", "UTC");
        try (TopicProbe scramReader = TopicProbe.fromNow(Topics.ROOM_EVENTS, TestInfra.get().kafkaScramClientProperties())) {
            String id = RoomApi.createRoom(host, 4);
            RoomApi.book(guest, id).statusCode(200);

            assertThat(scramReader.await(RoomEvents.of(id, RoomEventType.ROOM_BOOKED), 1, Duration.ofSeconds(10)))
                    .as("published within seconds, i.e. woken by NOTIFY (the backstop timer runs every 10 minutes)")
                    .hasSize(1);
        }

        String role = TestInfra.get().postgresTlsUser();
        assertThat(Db.count(TLS_CONNECTIONS_OF_THE_ROLE, role, false)).as("connections of %s without TLS", role).isZero();
        assertThat(Db.count(TLS_CONNECTIONS_OF_THE_ROLE + " AND query = 'LISTEN outbox'", role, true))
                .as("the outbox LISTEN connection over TLS").isEqualTo(1);
        assertThat(Db.count(TLS_CONNECTIONS_OF_THE_ROLE + " AND query <> 'LISTEN outbox'", role, true))
                .as("pool connections over TLS").isPositive();
        // Readiness includes the database and the Kafka admin client's check, both over the secured connections.
        given().get("/q/health/ready").then().statusCode(200);
    }
}
