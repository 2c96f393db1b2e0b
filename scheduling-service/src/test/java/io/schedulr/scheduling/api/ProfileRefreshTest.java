package io.schedulr.scheduling.api;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request refreshes the caller's row in {@code users} from their token; a profile written and committed a moment
 * ago is not written again (issue 18). What people see must not change with that.
 */
@QuarkusTest
class ProfileRefreshTest {

    @Test
    void aPersonWhoseFirstRequestWasRefusedCanStillDoEverythingAfterwards() {
        TestUser host = Tokens.newUser("Refresh Host", "UTC");
        TestUser first = Tokens.newUser("Refresh First", "UTC");
        String room = RoomApi.createRoom(host, 40);
        RoomApi.book(first, room).statusCode(200);
        TestUser late = Tokens.newUser("Refresh Late", "Europe/Paris");

        RoomApi.book(late, room).statusCode(409);
        assertThat(Db.count("SELECT count(*) FROM users WHERE id = ?", late.id())).as("the refused booking rolled back").isZero();

        String own = RoomApi.createRoom(late, 41);
        assertThat(Db.text("SELECT host_id FROM practice_rooms WHERE id = CAST(? AS uuid)", own)).isEqualTo(late.id());
        assertThat(Db.text("SELECT time_zone FROM users WHERE id = ?", late.id())).isEqualTo("Europe/Paris");
    }

    @Test
    void aChangedNameOrZoneIsWrittenAtOnce() {
        TestUser before = Tokens.user("refresh-change@example.com", "Before Name", "UTC");
        RoomApi.get(before, "/api/practice-rooms?scope=mine").statusCode(200);
        RoomApi.get(before, "/api/practice-rooms?scope=mine").statusCode(200);
        assertThat(Db.text("SELECT display_name FROM users WHERE id = ?", before.id())).isEqualTo("Before Name");

        TestUser after = Tokens.user("refresh-change@example.com", "After Name", "Asia/Tokyo");
        RoomApi.get(after, "/api/practice-rooms?scope=mine").statusCode(200);

        assertThat(Db.text("SELECT display_name || ' ' || time_zone FROM users WHERE id = ?", after.id()))
                .isEqualTo("After Name Asia/Tokyo");

        RoomApi.get(before, "/api/practice-rooms?scope=mine").statusCode(200);
        assertThat(Db.text("SELECT display_name FROM users WHERE id = ?", before.id()))
                .as("going back to the older profile writes it again").isEqualTo("Before Name");
    }
}
