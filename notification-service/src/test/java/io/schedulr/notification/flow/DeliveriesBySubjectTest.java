package io.schedulr.notification.flow;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.RoomEventType;
import io.schedulr.notification.support.RoomEvents;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static io.schedulr.notification.flow.InvitationFlowTest.START;
import static io.schedulr.notification.flow.InvitationFlowTest.onlyMail;
import static io.schedulr.notification.support.RoomEvents.event;
import static io.schedulr.notification.support.RoomEvents.publish;

/** Participants are recognised by user id (token subject): another account that shares their email is a stranger. */
@QuarkusTest
class DeliveriesBySubjectTest {

    @BeforeAll
    static void topics() {
        RoomEvents.ensureTopics();
    }

    @Test
    void aGuestWhoLeftAndTheNextGuestEachSeeOnlyTheirOwnMeeting() {
        TestUser host = Tokens.newUser("Meeting Host", "UTC");
        TestUser first = Tokens.newUser("First Guest", "UTC");
        TestUser next = Tokens.newUser("Next Guest", "UTC");
        String roomId = RoomEvents.newRoomId();
        publish(event(RoomEventType.ROOM_BOOKED, roomId, roomId + "-a@rooms.schedulr.test", 0, START, host, first));
        // sent before the release is queued: an unsent REQUEST would rightly be superseded by the CANCEL, leaving the host 2 mails
        onlyMail(host, 1);
        onlyMail(first, 1);
        publish(event(RoomEventType.ROOM_RELEASED, roomId, roomId + "-a@rooms.schedulr.test", 1, START, host, first));
        publish(event(RoomEventType.ROOM_BOOKED, roomId, roomId + "-b@rooms.schedulr.test", 0, START, host, next));
        onlyMail(next, 1);
        onlyMail(host, 3);

        given().header("Authorization", next.bearer()).get("/api/rooms/{id}/deliveries", roomId).then().statusCode(200)
                .body("recipient", everyItem(not(equalTo(first.email()))));
        given().header("Authorization", first.bearer()).get("/api/rooms/{id}/deliveries", roomId).then().statusCode(200)
                .body("recipient", everyItem(not(equalTo(next.email()))));
        given().header("Authorization", host.bearer()).get("/api/rooms/{id}/deliveries", roomId).then().statusCode(200)
                .body("recipient", hasItems(first.email(), next.email()));
    }

    @Test
    void aTokenWithAParticipantsEmailButAnotherSubjectIsRefused() {
        TestUser host = Tokens.newUser("Sub Host", "UTC");
        TestUser guest = Tokens.newUser("Sub Guest", "UTC");
        String roomId = RoomEvents.newRoomId();
        publish(event(RoomEventType.ROOM_BOOKED, roomId, 0, START, host, guest));
        onlyMail(host, 1);

        given().header("Authorization", host.bearer()).get("/api/rooms/{id}/deliveries", roomId).then().statusCode(200);
        given().header("Authorization", guest.bearer()).get("/api/rooms/{id}/deliveries", roomId).then().statusCode(200);
        for (TestUser person : new TestUser[]{host, guest}) {
            String impostor = Tokens.withClaims(person.email(), person.name(), "sub=" + UUID.randomUUID());
            given().header("Authorization", "Bearer " + impostor).get("/api/rooms/{id}/deliveries", roomId).then().statusCode(404)
                    .body("code", equalTo("room_not_found"));
        }
    }
}
