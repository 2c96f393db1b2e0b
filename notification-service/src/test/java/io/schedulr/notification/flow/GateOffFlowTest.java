package io.schedulr.notification.flow;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.schedulr.events.RoomEventType;
import io.schedulr.notification.support.CalendarEvents;
import io.schedulr.notification.support.RoomEvents;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.schedulr.notification.flow.InvitationFlowTest.deliveries;
import static io.schedulr.notification.flow.InvitationFlowTest.onlyMail;
import static io.schedulr.notification.support.RoomEvents.event;
import static io.schedulr.notification.support.RoomEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;

/** With the calendar gate off (SCHEDULR_CALENDAR_REQUIRED=false) a connected host's room is emailed exactly as before. */
@QuarkusTest
@TestProfile(GateOffFlowTest.GateOff.class)
class GateOffFlowTest {

    public static class GateOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("schedulr.calendar.required", "false");
        }
    }

    @BeforeAll
    static void topics() {
        RoomEvents.ensureTopics();
        CalendarEvents.ensureTopics();
    }

    @Test
    void aConnectedHostsBookingIsEmailedToBoth() {
        TestUser host = Tokens.newUser("Otto Host", "Europe/Vienna");
        TestUser guest = Tokens.newUser("Olga Guest", "Europe/Vienna");
        String roomId = RoomEvents.newRoomId();
        CalendarEvents.connected(host, Instant.now());

        publish(event(RoomEventType.ROOM_BOOKED, roomId, 0, WhoSendsTheInvitationFlowTest.START, host, guest));

        assertThat(onlyMail(host, 1).property(Property.UID)).isEqualTo(roomId + "@rooms.schedulr.test");
        assertThat(onlyMail(guest, 1).contentTypeMethod()).isEqualTo("REQUEST");
        assertThat(deliveries(roomId, host)).noneMatch(a -> "LEFT_TO_GOOGLE".equals(a.get("outcome")));
    }
}
