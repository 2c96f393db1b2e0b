package io.schedulr.notification.flow;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.EventCodec;
import io.schedulr.events.RoomEventType;
import io.schedulr.notification.support.Db;
import io.schedulr.notification.support.RoomEvents;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import io.schedulr.testsupport.infra.InfraEndpoints;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

import static io.schedulr.notification.flow.InvitationFlowTest.START;
import static io.schedulr.notification.flow.InvitationFlowTest.onlyMail;
import static io.schedulr.notification.support.RoomEvents.event;
import static io.schedulr.notification.support.RoomEvents.publish;
import static io.schedulr.notification.support.RoomEvents.publishTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A record or a queued mail the service cannot handle is set aside with its reason; everybody else's mail still goes out. */
@QuarkusTest
class OneBadRecordFailsAloneTest {

    @BeforeAll
    static void topics() {
        RoomEvents.ensureTopics();
    }

    @Test
    void aDateTheDatabaseCannotStoreIsDeadLetteredAndTheNextRecordOfThePartitionIsMailed() throws Exception {
        TestUser host = Tokens.newUser("Far Host", "UTC");
        TestUser guest = Tokens.newUser("Far Guest", "UTC");
        String roomId = RoomEvents.newRoomId();

        publish(event(RoomEventType.ROOM_BOOKED, roomId, 0, Instant.parse("+294276-12-31T23:30:00Z"), host, guest));
        publish(event(RoomEventType.ROOM_RESCHEDULED, roomId, 1, START, host, guest));

        assertThat(onlyMail(guest, 1).property("DTSTART")).isEqualTo("20300314T093000Z");
        onlyMail(host, 1);
    }

    @Test
    void aRecordWithoutKeyOrWithTheBodyNullHoldsUpNobodyBehindItOnThePartition() throws Exception {
        TestUser keylessHost = Tokens.newUser("Keyless Host", "UTC");
        TestUser keylessGuest = Tokens.newUser("Keyless Guest", "UTC");
        TestUser host = Tokens.newUser("Behind Host", "UTC");
        TestUser guest = Tokens.newUser("Behind Guest", "UTC");
        int partition = 1;

        publishTo(partition, null, EventCodec.encode(event(RoomEventType.ROOM_BOOKED, RoomEvents.newRoomId(), 0, START, keylessHost,
                keylessGuest)));
        publishTo(partition, RoomEvents.newRoomId(), "null");
        RecordMetadata last = publishTo(partition, null, "null");
        String roomId = RoomEvents.newRoomId();
        publishTo(partition, roomId, EventCodec.encode(event(RoomEventType.ROOM_BOOKED, roomId, 0, START, host, guest)));

        onlyMail(guest, 1);
        onlyMail(host, 1);
        onlyMail(keylessGuest, 1);
        onlyMail(keylessHost, 1);
        RoomEvents.awaitConsumed(last);
    }

    @Test
    void aQueuedMailThatCannotBeMadeIsSetAsideAndTheDispatcherGoesOn() throws Exception {
        long poisoned;
        InfraEndpoints e = TestInfra.get();
        try (Connection c = DriverManager.getConnection(e.jdbcUrl("notification"), e.postgresUser(), e.postgresPassword());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("INSERT INTO delivery (event_id, room_id, method, sequence, ics_uid, title, start_utc, end_utc, "
                     + "organizer_email, organizer_name, organizer_tz, attendee_email, attendee_name, attendee_tz, recipient_email, "
                     + "recipient_name, recipient_tz, message_key, status) VALUES ('poison-event', 'poison-room', 'REQUEST', 0, "
                     + "'poison@x', 'Poison', 'infinity', 'infinity', 'p@x.example', 'P', 'UTC', 'q@x.example', 'Q', 'UTC', "
                     + "'q@x.example', 'Q', 'UTC', gen_random_uuid()::text, 'PENDING') RETURNING id")) {
            r.next();
            poisoned = r.getLong(1);
        }
        TestUser host = Tokens.newUser("After Host", "UTC");
        TestUser guest = Tokens.newUser("After Guest", "UTC");

        publish(event(RoomEventType.ROOM_BOOKED, RoomEvents.newRoomId(), 0, START, host, guest));

        onlyMail(host, 1);
        onlyMail(guest, 1);
        await().until(() -> status(poisoned).equals("UNDELIVERABLE"));
        assertThat(Db.count("SELECT count(*) FROM delivery_attempt WHERE delivery_id = " + poisoned + " AND outcome = 'UNDELIVERABLE' "
                + "AND recipient = 'q@x.example' AND error LIKE 'cannot make a mail from this delivery: %'"))
                .as("the decision is audited with its reason, for the deliveries API and an interview's page").isEqualTo(1);
    }

    private static String status(long id) throws Exception {
        InfraEndpoints e = TestInfra.get();
        try (Connection c = DriverManager.getConnection(e.jdbcUrl("notification"), e.postgresUser(), e.postgresPassword());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT status FROM delivery WHERE id = " + id)) {
            r.next();
            return r.getString(1);
        }
    }
}
