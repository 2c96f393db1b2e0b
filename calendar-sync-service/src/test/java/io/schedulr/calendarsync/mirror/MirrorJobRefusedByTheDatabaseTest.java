package io.schedulr.calendarsync.mirror;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.calendarsync.connection.ConnectionRows;
import io.schedulr.events.RoomEventType;
import io.schedulr.testsupport.TestConnections;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A room change whose mirror the database refuses to store (here a trigger refuses one room, as a value PostgreSQL could
 * not store would) fails alone: it waits its back-off like a Google failure, and the rooms queued after it are mirrored
 * meanwhile. Before, its rolled-back job stayed the earliest due, was claimed again first every round, and no room after
 * it ever reached Google.
 */
@QuarkusTest
class MirrorJobRefusedByTheDatabaseTest {
    private static final String REFUSE = """
            CREATE TABLE IF NOT EXISTS test_refused_room (room_id TEXT PRIMARY KEY);
            CREATE OR REPLACE FUNCTION test_refuse_room_mirror() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM test_refused_room WHERE room_id = NEW.room_id) THEN
                    RAISE EXCEPTION 'room % refused by the test', NEW.room_id USING ERRCODE = '22023';
                END IF;
                RETURN NEW;
            END $$;
            DROP TRIGGER IF EXISTS test_refuse_room_mirror ON room_mirror;
            CREATE TRIGGER test_refuse_room_mirror BEFORE INSERT OR UPDATE ON room_mirror
                FOR EACH ROW EXECUTE FUNCTION test_refuse_room_mirror();
            """;

    @Test
    void aChangeWhoseMirrorCannotBeStoredWaitsAndTheRoomsAfterItAreMirrored() throws SQLException {
        TestUser host = Tokens.newUser("Hana Host", "Europe/Berlin");
        MirrorFixtures.connect(host);
        MirrorFixtures.Room refused = new MirrorFixtures.Room(host);
        MirrorFixtures.Room next = new MirrorFixtures.Room(host);
        sql(REFUSE);
        ConnectionRows.execute("INSERT INTO test_refused_room (room_id) VALUES (?)", refused.id);
        try {
            MirrorFixtures.publish(refused, RoomEventType.ROOM_BOOKED, 0, refused.start);
            await().atMost(MirrorFixtures.WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE room_id = ? "
                    + "AND status = 'pending' AND attempts >= 1", refused.id) == 1);
            MirrorFixtures.publish(next, RoomEventType.ROOM_BOOKED, 0, next.start);

            MirrorFixtures.awaitOneEvent(host, next);
            assertThat(ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE room_id = ? AND status = 'pending'", refused.id))
                    .isEqualTo(1);
            assertThat(ConnectionRows.row("SELECT last_error FROM mirror_job WHERE room_id = ?", refused.id).get("last_error"))
                    .contains("refused by the test");
        } finally {
            ConnectionRows.execute("DELETE FROM test_refused_room WHERE room_id = ?", refused.id);
            sql("DROP TRIGGER IF EXISTS test_refuse_room_mirror ON room_mirror");
        }
        // Once the database takes it, the waiting change is mirrored too: one event, as for any other room.
        MirrorFixtures.awaitOneEvent(host, refused);
        await().atMost(MirrorFixtures.WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE room_id = ? "
                + "AND status = 'done'", refused.id) == 1);
        assertThat(MirrorFixtures.eventsOf(host, refused)).hasSize(1);
    }

    private static void sql(String statements) throws SQLException {
        try (Statement s = TestConnections.to("calendar_sync").createStatement()) {
            s.execute(statements);
        }
    }
}
