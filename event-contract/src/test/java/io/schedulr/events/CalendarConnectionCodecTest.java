package io.schedulr.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalendarConnectionCodecTest {

    @Test
    void roundTripsAConnectionEvent() {
        CloudEvent<CalendarConnectionEvent> event = CloudEvent.of("e1", "/calendar-sync-service",
                CalendarConnectionEventType.CALENDAR_CONNECTED.cloudEventType(), Instant.parse("2030-01-01T00:00:00Z"), "sub-1",
                new CalendarConnectionEvent("sub-1", "a@example.com", CalendarConnectionEvent.CONNECTED, null, "cal-1"));

        String json = EventCodec.encode(event);

        assertThat(json).contains("\"type\":\"io.schedulr.calendar.connected.v1\"", "\"status\":\"connected\"");
        assertThat(EventCodec.decodeCalendarConnectionEvent(json)).isEqualTo(event);
        assertThat(EventCodec.decodeCalendarConnectionEvent(json).data().connected()).isTrue();
    }

    @Test
    void refusesWhatIsNotAConnectionEvent() {
        assertThatThrownBy(() -> EventCodec.decodeCalendarConnectionEvent("{not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decodeCalendarConnectionEvent("null")).isInstanceOf(MalformedEventException.class);
        String roomType = EventCodec.encode(CloudEvent.of("e2", "/x", RoomEventType.ROOM_BOOKED.cloudEventType(), Instant.now(), "u",
                new CalendarConnectionEvent("u", null, CalendarConnectionEvent.CONNECTED, null, "c")));
        assertThatThrownBy(() -> EventCodec.decodeCalendarConnectionEvent(roomType)).hasMessageContaining("unknown event type");
        String oddStatus = EventCodec.encode(CloudEvent.of("e3", "/x", CalendarConnectionEventType.CALENDAR_DISCONNECTED.cloudEventType(),
                Instant.now(), "u", new CalendarConnectionEvent("u", null, "maybe", null, null)));
        assertThatThrownBy(() -> EventCodec.decodeCalendarConnectionEvent(oddStatus)).hasMessageContaining("unknown connection status");
        String noUser = EventCodec.encode(CloudEvent.of("e4", "/x", CalendarConnectionEventType.CALENDAR_DISCONNECTED.cloudEventType(),
                Instant.now(), "u", new CalendarConnectionEvent(" ", null, CalendarConnectionEvent.REVOKED, "revoked", null)));
        assertThatThrownBy(() -> EventCodec.decodeCalendarConnectionEvent(noUser)).hasMessageContaining("data.userId");
    }
}
