package io.schedulr.notification.flow;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.schedulr.events.RoomEventType;
import io.schedulr.notification.support.Db;
import io.schedulr.notification.support.RoomEvents;
import io.schedulr.testsupport.Mailboxes;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.schedulr.notification.flow.InvitationFlowTest.START;
import static io.schedulr.notification.flow.InvitationFlowTest.onlyMail;
import static io.schedulr.notification.support.RoomEvents.event;
import static io.schedulr.notification.support.RoomEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database refuses one room's event for a while with a transient error (SQLSTATE 57P03, "cannot connect now"): the
 * consumer retries it, and once that has lasted longer than notification.consumer.stuck-after (5 s in %test) readiness
 * is DOWN and says which record, since when and why; it is UP again when the record goes through.
 */
@QuarkusTest
class StuckConsumerReadinessTest {

    @BeforeAll
    static void topics() {
        RoomEvents.ensureTopics();
    }

    @Test
    void aRecordRetriedForTooLongTurnsReadinessDownUntilItGoesThrough() {
        TestUser host = Tokens.newUser("Stuck Host", "UTC");
        TestUser guest = Tokens.newUser("Stuck Guest", "UTC");
        String roomId = RoomEvents.newRoomId();
        given().get("/q/health/ready").then().statusCode(200);

        Db.execute("CREATE FUNCTION refuse_stuck_room() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.room_id = '" + roomId + "' THEN RAISE EXCEPTION 'simulated outage' USING ERRCODE = '57P03'; END IF; "
                + "RETURN NEW; END $$");
        Db.execute("CREATE TRIGGER refuse_stuck_room BEFORE INSERT ON consumed_event FOR EACH ROW EXECUTE FUNCTION refuse_stuck_room()");
        try {
            publish(event(RoomEventType.ROOM_BOOKED, roomId, 0, START, host, guest));

            Map<String, Object> check = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(StuckConsumerReadinessTest::consumerCheck, c -> "DOWN".equals(c.get("status")));
            assertThat(given().get("/q/health/ready").statusCode()).isEqualTo(503);
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) check.get("data");
            assertThat((String) data.get("record")).startsWith("scheduling.room-events.v1-");
            assertThat((String) data.get("lastError")).contains("simulated outage");
            assertThat(data).containsKeys("since", "reason");
            assertThat(Mailboxes.inbox(guest.email())).isEmpty();
        } finally {
            Db.execute("DROP TRIGGER refuse_stuck_room ON consumed_event");
            Db.execute("DROP FUNCTION refuse_stuck_room()");
        }

        onlyMail(guest, 1);
        onlyMail(host, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "UP".equals(consumerCheck().get("status")));
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static Map<String, Object> consumerCheck() {
        JsonPath health = given().get("/q/health/ready").then().extract().jsonPath();
        return health.getMap("checks.find { it.name == 'Room events consumer' }");
    }
}
