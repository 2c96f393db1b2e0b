package io.schedulr.calendarsync.mirror;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.calendarsync.connection.ConnectionRows;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Work queued for a person whose calendar is not connected is set aside from the workers' claims (its due time moved to
 * infinity, out of their index range), for all three kinds of work, and brought back once they connect: the room change
 * is then written to their calendar.
 */
@QuarkusTest
class WaitingForConnectionSweepTest {
    private static final Duration WAIT = MirrorFixtures.WAIT;

    @Test
    void workOfAPersonNotConnectedIsSetAsideAndBroughtBackWhenTheyConnect() {
        TestUser person = Tokens.newUser("Waiting Person", "UTC");
        String id = UUID.randomUUID().toString();
        String room = "room-" + id;
        MirrorFixtures.queuedJob(person.id(), room, "Waiting", "now() + interval '2 days'", "now() + interval '2 days 30 minutes'", "now()",
                "now()");
        ConnectionRows.execute("INSERT INTO interview_mirror (interview_id, last_sequence, cancelled) VALUES (?, 0, false)", "iv-" + id);
        ConnectionRows.execute("INSERT INTO interview_mirror_entry (interview_id, member_id, google_event_id, sequence, shown, summary, "
                + "description, start_utc, end_utc, time_zone, ics_uid, status, next_attempt_at) VALUES (?, '" + person.id() + "', 'iv"
                + id.replace("-", "") + "', 0, true, 'Waiting interview', '', now() + interval '3 days', now() + interval '3 days 1 hour', "
                + "'UTC', 'iv-" + id + "@schedulr.test', 'pending', now())", "iv-" + id);
        ConnectionRows.execute("INSERT INTO reminder_patch (calendar_id, google_event_id, person_id, kind, subject_id, start_utc, "
                + "next_attempt_at) VALUES ('calendar-" + id + "', 'event" + id.replace("-", "") + "', ?, 'room', '" + room + "', "
                + "now() + interval '2 days', now())", person.id());

        await().atMost(WAIT).until(() -> setAside(person) == 3);

        MirrorFixtures.connect(person);

        await().atMost(WAIT).until(() -> setAside(person) == 0);
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE room_id = ? AND status = 'done'",
                room) == 1);
        assertThat(ConnectionRows.count("SELECT count(*) FROM google_call_audit WHERE room_id = ? AND operation = 'events.insert' "
                + "AND outcome = 'ok'", room)).as("the room change written to their calendar").isEqualTo(1);
    }

    private static long setAside(TestUser person) {
        return ConnectionRows.count("SELECT (SELECT count(*) FROM mirror_job WHERE host_id = ? AND next_attempt_at = 'infinity') "
                + "+ (SELECT count(*) FROM interview_mirror_entry WHERE member_id = ? AND next_attempt_at = 'infinity') "
                + "+ (SELECT count(*) FROM reminder_patch WHERE person_id = ? AND next_attempt_at = 'infinity')",
                person.id(), person.id(), person.id());
    }
}
