package io.schedulr.scheduling.api;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.RoomEventType;
import io.schedulr.testsupport.InfraControl;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kafka going away never fails or loses a booking: the event waits in the outbox and is published afterwards. */
@QuarkusTest
class OutboxKafkaOutageTest {

    @Test
    void bookingSucceedsWhileKafkaIsDownAndTheEventArrivesAfterwards() {
        TestUser host = Tokens.newUser("Host", "UTC");
        TestUser guest = Tokens.newUser("Guest", "UTC");
        String id;
        try (RoomEvents events = new RoomEvents()) {
            id = RoomApi.createRoom(host, 4);
            events.awaitOne(id, RoomEventType.ROOM_CREATED);

            InfraControl.stopKafka();
            try {
                RoomApi.book(guest, id).statusCode(200);
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                        Db.count("SELECT count(*) FROM outbox WHERE message_key = ? AND published_at IS NULL", id) == 1);
            } finally {
                InfraControl.startKafka();
            }

            assertThat(events.await(RoomEvents.of(id, RoomEventType.ROOM_BOOKED), 1, Duration.ofSeconds(60))).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                Db.count("SELECT count(*) FROM outbox WHERE message_key = ? AND published_at IS NULL", id) == 0);
    }
}
