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
        String booked = RoomApi.createRoom(host, 10);
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
    void privateRoomsAreNeverListedButCanBeOpenedAndBookedById() {
        TestUser host = Tokens.newUser("Private Host", "UTC");
        TestUser friend = Tokens.newUser("Friend", "UTC");
        String id = RoomApi.createRoom(host, 8, true);
        List<String> ids = RoomApi.get(friend, "/api/practice-rooms?scope=open&limit=200").statusCode(200).extract().path("id");
        assertThat(ids).doesNotContain(id);
        RoomApi.get(friend, "/api/practice-rooms/" + id).statusCode(200).body("private", equalTo(true));
        RoomApi.book(friend, id).statusCode(200).body("roomUrl", org.hamcrest.Matchers.notNullValue());
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
