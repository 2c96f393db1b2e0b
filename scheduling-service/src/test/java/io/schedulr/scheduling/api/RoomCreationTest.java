package io.schedulr.scheduling.api;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.RoomEventType;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class RoomCreationTest {

    @Test
    void createsRoomWithVideoLinkRoundOneAndAuditButNotifiesNobody() {
        TestUser host = Tokens.newUser("Hana Host", "Europe/Berlin");
        String when = RoomApi.inDays(3).toString();
        try (RoomEvents events = new RoomEvents()) {
            String id = RoomApi.create(host, Map.of("hostId", host.id(), "datetimeUtc", when, "private", false))
                    .statusCode(201)
                    .body("hostId", equalTo(host.id()))
                    .body("guestId", nullValue())
                    .body("datetimeUtc", equalTo(when))
                    .body("endUtc", equalTo(java.time.Instant.parse(when).plusSeconds(3600).toString()))
                    .body("private", equalTo(false))
                    .body("roomUrl", startsWith("https://meet.jit.si/schedulr-"))
                    .body("host.name", equalTo("Hana Host"))
                    .extract().path("id");

            assertThat(Db.count("SELECT count(*) FROM practice_rounds WHERE room_id = ?::uuid AND round_number = 1", id)).isEqualTo(1);
            assertThat(Db.text("SELECT ics_uid::text FROM practice_rooms WHERE id = ?::uuid", id)).isNotBlank();
            assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'room.created' AND actor_id = ?", id, host.id()))
                    .isEqualTo(1);
            assertThat(Db.text("SELECT email FROM users WHERE id = ?", host.id())).isEqualTo(host.email());

            assertThat(events.awaitOne(id, RoomEventType.ROOM_CREATED).data().guest()).isNull();
            assertThat(events.collect(RoomEvents.of(id), Duration.ofSeconds(1)))
                    .allSatisfy(e -> assertThat(RoomEventType.fromCloudEventType(e.type()).orElseThrow().notifiesParticipants()).isFalse());
        }
    }

    @Test
    void hostIdMayBeOmittedButNeverSomeoneElse() {
        TestUser host = Tokens.newUser("Omar", "UTC");
        RoomApi.create(host, Map.of("datetimeUtc", RoomApi.inDays(2).toString())).statusCode(201).body("hostId", equalTo(host.id()));
        RoomApi.create(host, Map.of("hostId", UUID.randomUUID().toString(), "datetimeUtc", RoomApi.inDays(2).toString()))
                .statusCode(403).body("code", equalTo("host_must_be_caller"));
    }

    @Test
    void acceptsAnyOffsetAndStoresUtc() {
        TestUser host = Tokens.newUser("Tokyo Host", "Asia/Tokyo");
        String tokyo = RoomApi.inDays(5).atOffset(java.time.ZoneOffset.ofHours(9)).toString();
        RoomApi.create(host, Map.of("datetimeUtc", tokyo)).statusCode(201)
                .body("datetimeUtc", equalTo(java.time.OffsetDateTime.parse(tokyo).toInstant().toString()));
    }
}
