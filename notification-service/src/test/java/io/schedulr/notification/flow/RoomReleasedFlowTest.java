package io.schedulr.notification.flow;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.notification.support.CalendarEvents;
import io.schedulr.notification.support.InviteMails;
import io.schedulr.notification.support.RoomEvents;
import io.schedulr.testsupport.Mailboxes;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.schedulr.notification.flow.InvitationFlowTest.deliveries;
import static io.schedulr.notification.flow.InvitationFlowTest.onlyMail;
import static io.schedulr.notification.flow.InvitationFlowTest.sleep;
import static io.schedulr.notification.support.RoomEvents.event;
import static io.schedulr.notification.support.RoomEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guest leaves a booked room ({@code io.schedulr.room.released.v1}) and the room is booked again under a new
 * invitation UID, end to end on the real Kafka, PostgreSQL and GreenMail, with the calendar gate off (the test profile's default; gate on: WhoSendsTheInvitationFlowTest).
 */
@QuarkusTest
class RoomReleasedFlowTest {
    static final Instant START = Instant.parse("2030-06-11T15:00:00Z");
    static final Duration QUIET = Duration.ofSeconds(3);

    @BeforeAll
    static void topics() {
        RoomEvents.ensureTopics();
        CalendarEvents.ensureTopics();
    }

    @Test
    void theGuestWhoLeftAndTheHostGetOneCancelAndTheNextGuestAFreshInvitation() {
        TestUser host = Tokens.newUser("Rita Host", "Europe/Berlin");
        TestUser guest = Tokens.newUser("Rolf Leaver", "America/New_York");
        TestUser nextGuest = Tokens.newUser("Rosa Next", "Asia/Tokyo");
        String roomId = RoomEvents.newRoomId();
        String uidA = roomId + "@rooms.schedulr.test";
        String uidB = roomId + "-2@rooms.schedulr.test";

        publish(event(RoomEventType.ROOM_BOOKED, roomId, uidA, 0, START, host, guest));
        assertThat(onlyMail(host, 1).contentTypeMethod()).isEqualTo("REQUEST");
        assertThat(onlyMail(guest, 1).property(Property.UID)).isEqualTo(uidA);

        CloudEvent<RoomEvent> released = event(RoomEventType.ROOM_RELEASED, roomId, uidA, 1, START, host, guest);
        publish(released);
        for (TestUser person : List.of(host, guest)) {
            InviteMails cancel = onlyMail(person, 2);
            assertThat(cancel.contentTypeMethod()).isEqualTo("CANCEL");
            assertThat(cancel.calendarProperty(Property.METHOD)).isEqualTo("CANCEL");
            assertThat(cancel.property(Property.UID)).isEqualTo(uidA);
            assertThat(cancel.property(Property.SEQUENCE)).isEqualTo("1");
            assertThat(cancel.property(Property.STATUS)).isEqualTo("CANCELLED");
        }

        // the room is open again; another guest books it: a new meeting under UID B, its sequence starting at 0
        publish(event(RoomEventType.ROOM_BOOKED, roomId, uidB, 0, START, host, nextGuest));
        InviteMails invitation = onlyMail(nextGuest, 1);
        InviteMails hostsInvitation = onlyMail(host, 3);
        for (InviteMails mail : List.of(invitation, hostsInvitation)) {
            assertThat(mail.contentTypeMethod()).isEqualTo("REQUEST");
            assertThat(mail.property(Property.UID)).isEqualTo(uidB);
            assertThat(mail.property(Property.SEQUENCE)).isEqualTo("0");
        }

        // the release redelivered changes nothing; nobody got more than that
        RoomEvents.awaitConsumed(publish(released));
        sleep(QUIET);
        assertThat(Mailboxes.inbox(host.email())).hasSize(3);
        assertThat(Mailboxes.inbox(guest.email())).hasSize(2);
        assertThat(Mailboxes.inbox(nextGuest.email())).hasSize(1);
        List<Map<String, Object>> audit = deliveries(roomId, host);
        assertThat(audit).filteredOn(a -> "SENT".equals(a.get("outcome")) && "CANCEL".equals(a.get("method")))
                .extracting(a -> a.get("recipient")).containsExactlyInAnyOrder(host.email(), guest.email());
        assertThat(audit).filteredOn(a -> "SKIPPED_STALE".equals(a.get("outcome")) || "SKIPPED_DUPLICATE".equals(a.get("outcome")))
                .isEmpty();
    }
}
