package io.schedulr.scheduling.api;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class RoomListingTest {

    @Test
    void openListsFutureUnbookedPublicRoomsOfOthersOnly() {
        TestUser host = Tokens.newUser("Lister Host", "UTC");
        TestUser viewer = Tokens.newUser("Viewer", "UTC");
        TestUser booker = Tokens.newUser("Booker", "UTC");
        String open = RoomApi.createRoom(host, 10);
        String privateRoom = RoomApi.createRoom(host, 10, true);
        String booked = RoomApi.createRoom(host, 11);
        RoomApi.book(booker, booked).statusCode(200);
        String own = RoomApi.createRoom(viewer, 10);

        List<String> ids = RoomApi.get(viewer, "/api/practice-rooms?scope=open&limit=200").statusCode(200).extract().path("id");
        assertThat(ids).contains(open).doesNotContain(privateRoom, booked, own);

        RoomApi.get(viewer, "/api/practice-rooms/" + open).statusCode(200).body("roomUrl", nullValue())
                .body("host.name", equalTo("Lister Host"));
    }

    @Test
    void mineListsRoomsIHostOrBooked() {
        TestUser me = Tokens.newUser("Me", "UTC");
        TestUser other = Tokens.newUser("Other", "UTC");
        String hosted = RoomApi.createRoom(me, 8);
        String theirs = RoomApi.createRoom(other, 9);
        String untouched = RoomApi.createRoom(other, 9);
        RoomApi.book(me, theirs).statusCode(200);

        List<String> ids = RoomApi.get(me, "/api/practice-rooms?scope=mine").statusCode(200).extract().path("id");
        assertThat(ids).containsExactly(hosted, theirs);
        assertThat(ids).doesNotContain(untouched);
    }

    @Test
    void aLongTimeHostSeesTheirComingSessionsUnderMineAndTheEndedOnesUnderPastAPageAtATime() {
        TestUser me = Tokens.newUser("Long Timer", "UTC");
        List<String> ended = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String room = RoomApi.createRoom(me, 3);
            // Sessions of the last weeks (rooms cannot be offered in the past, so their time is set back in the table).
            Db.execute("UPDATE practice_rooms SET datetime_utc = now() - make_interval(days => " + (10 + i) + "), "
                    + "ends_at = now() - make_interval(days => " + (10 + i) + ") + interval '1 hour' WHERE id = CAST(? AS uuid)", room);
            ended.add(room);
        }
        String tomorrow = RoomApi.createRoom(me, 1);
        String nextWeek = RoomApi.createRoom(me, 7);

        List<String> mine = RoomApi.get(me, "/api/practice-rooms?scope=mine&limit=2").statusCode(200).extract().path("id");
        assertThat(mine).as("the coming sessions, soonest first, not the oldest ones").containsExactly(tomorrow, nextWeek);
        List<String> past = RoomApi.get(me, "/api/practice-rooms?scope=past").statusCode(200).extract().path("id");
        assertThat(past).as("the latest first").containsExactlyElementsOf(ended);
        RoomApi.get(me, "/api/practice-rooms?scope=past&limit=2").statusCode(200)
                .header("Link", equalTo("</api/practice-rooms?scope=past&limit=2&offset=2>; rel=\"next\""));
        List<String> secondPage = RoomApi.get(me, "/api/practice-rooms?scope=past&limit=2&offset=2").statusCode(200)
                .header("Link", org.hamcrest.Matchers.nullValue()).extract().path("id");
        assertThat(secondPage).containsExactly(ended.get(2));
        RoomApi.get(me, "/api/practice-rooms?scope=mine&offset=-1").statusCode(400).body("code", equalTo("invalid_offset"));
        RoomApi.get(me, "/api/practice-rooms?scope=all").statusCode(400).body("code", equalTo("invalid_scope"));
    }

    @Test
    void aPrivateRoomIsListedSeenAndBookedOnlyByThePersonItIsOfferedTo() {
        TestUser host = Tokens.newUser("Private Host", "UTC");
        TestUser friend = Tokens.newUser("Friend", "UTC");
        TestUser stranger = Tokens.newUser("Stranger", "UTC");
        String id = RoomApi.createRoomOfferedTo(host, 8, friend);

        List<String> friendSees = RoomApi.get(friend, "/api/practice-rooms?scope=open&limit=200").statusCode(200).extract().path("id");
        List<String> strangerSees = RoomApi.get(stranger, "/api/practice-rooms?scope=open&limit=200").statusCode(200).extract().path("id");
        assertThat(friendSees).contains(id);
        assertThat(strangerSees).doesNotContain(id);
        RoomApi.get(friend, "/api/practice-rooms/" + id).statusCode(200).body("private", equalTo(true))
                .body("offeredTo", org.hamcrest.Matchers.nullValue()).body("offeredToPerson", org.hamcrest.Matchers.nullValue());
        RoomApi.get(host, "/api/practice-rooms/" + id).statusCode(200).body("offeredTo", equalTo(friend.id()))
                .body("offeredToPerson.id", equalTo(friend.id())).body("offeredToPerson.name", equalTo("Friend"));
        assertThat(RoomApi.get(host, "/api/practice-rooms?scope=mine&limit=200").statusCode(200).extract()
                .<String>path("find { it.id == '" + id + "' }.offeredToPerson.name")).isEqualTo("Friend");
        RoomApi.get(stranger, "/api/practice-rooms/" + id).statusCode(404).body("code", equalTo("room_not_found"));
        RoomApi.book(stranger, id).statusCode(404).body("code", equalTo("room_not_found"));
        RoomApi.delete(stranger, id).statusCode(404).body("code", equalTo("room_not_found"));

        RoomApi.book(friend, id).statusCode(200).body("roomUrl", org.hamcrest.Matchers.notNullValue());
        RoomApi.get(stranger, "/api/practice-rooms/" + id).statusCode(404);
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND actor_id = ?", id, stranger.id())).isZero();
    }

    @Test
    void aPrivateRoomOfferedToNobodyIsSeenByItsHostAlone() {
        TestUser host = Tokens.newUser("Private Host", "UTC");
        TestUser someone = Tokens.newUser("Someone", "UTC");
        String id = RoomApi.createRoom(host, 8, true);

        RoomApi.get(someone, "/api/practice-rooms/" + id).statusCode(404);
        RoomApi.book(someone, id).statusCode(404);
        // Someone has made no call that succeeded, so schedulr does not know their name yet: only the id is shown.
        RoomApi.update(host, java.util.Map.of("roomId", id, "offerTo", someone.id())).statusCode(200).body("offeredTo", equalTo(someone.id()))
                .body("offeredToPerson", org.hamcrest.Matchers.nullValue());
        RoomApi.book(someone, id).statusCode(200);
        RoomApi.get(host, "/api/practice-rooms/" + id).statusCode(200).body("offeredToPerson.name", equalTo("Someone"));
    }

    @Test
    void othersSeeThatAPublicRoomIsBookedButNotByWhomNorItsStage() {
        TestUser host = Tokens.newUser("Public Host", "UTC");
        TestUser guest = Tokens.newUser("Public Guest", "UTC");
        TestUser other = Tokens.newUser("Onlooker", "UTC");
        String id = RoomApi.createRoom(host, 8);
        RoomApi.update(guest, java.util.Map.of("roomId", id, "guestId", guest.id(), "stage", "warm-up")).statusCode(200);

        RoomApi.get(other, "/api/practice-rooms/" + id).statusCode(200).body("booked", equalTo(true))
                .body("guestId", org.hamcrest.Matchers.nullValue()).body("guest", org.hamcrest.Matchers.nullValue())
                .body("stage", org.hamcrest.Matchers.nullValue()).body("roomUrl", org.hamcrest.Matchers.nullValue());
        RoomApi.get(host, "/api/practice-rooms/" + id).statusCode(200).body("guestId", equalTo(guest.id()))
                .body("stage", equalTo("warm-up"));
    }

    @Test
    void everyCallRefreshesTheProfileFromTheToken() {
        String email = "renamed-" + java.util.UUID.randomUUID() + "@example.com";
        TestUser before = Tokens.user(email, "Old Name", "UTC");
        RoomApi.createRoom(before, 3);
        TestUser after = Tokens.user(email, "New Name", "Asia/Tokyo");
        assertThat(after.id()).isEqualTo(before.id());
        RoomApi.get(after, "/api/practice-rooms?scope=mine").statusCode(200).body("[0].host.name", equalTo("New Name"));
        assertThat(Db.text("SELECT display_name || '/' || time_zone FROM users WHERE id = ?", after.id())).isEqualTo("New Name/Asia/Tokyo");
    }
}
