package io.schedulr.scheduling.api;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.RoomEventType;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An outbox row Kafka will never take is set aside with its reason; the events after it still go out. */
@QuarkusTest
class OutboxPoisonRowTest {

    @Test
    void aRowKafkaRefusesForGoodIsSetAsideAndLaterEventsStillGoOut() {
        String poisonKey = "poison-" + UUID.randomUUID();
        // 2 MB: over the producer's max.request.size (1 MB), so Kafka refuses it whatever the relay does.
        Db.execute("INSERT INTO outbox (event_id, topic, message_key, event_type, payload) VALUES (?, 'scheduling.room-events.v1', ?, "
                + "'io.schedulr.room.updated.v1', jsonb_build_object('padding', repeat('x', 2000000)))", UUID.randomUUID(), poisonKey);
        TestUser host = Tokens.newUser("Host After Poison", "UTC");

        try (RoomEvents events = new RoomEvents()) {
            String room = RoomApi.createRoom(host, 4);

            assertThat(events.await(RoomEvents.of(room, RoomEventType.ROOM_CREATED), 1, Duration.ofSeconds(20))).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                Db.count("SELECT count(*) FROM outbox WHERE message_key = ? AND set_aside_at IS NOT NULL", poisonKey) == 1);
        assertThat(Db.text("SELECT set_aside_reason FROM outbox WHERE message_key = ?", poisonKey)).startsWith("RecordTooLargeException");
        assertThat(Db.count("SELECT count(*) FROM outbox WHERE message_key = ? AND published_at IS NOT NULL", poisonKey)).isZero();
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }
}
