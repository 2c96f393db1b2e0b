package io.schedulr.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookingEventCodecTest {

    static BookingEvent rescheduled() {
        return new BookingEvent("ics-1@Cal.com", 1, "new-uid", "old-uid", 12L, 3L, "Interview", "accepted",
                Instant.parse("2030-09-05T09:00:00Z"), Instant.parse("2030-09-05T09:30:00Z"), Instant.parse("2030-09-04T09:00:00Z"),
                Instant.parse("2030-09-04T09:30:00Z"), new BookingPerson("Ada Host", "ada@host.test", "Europe/Berlin"),
                List.of(new BookingPerson("Grace", "grace@candidate.test", "America/New_York")), "integrations:daily",
                "https://video.test/x", Map.of("interviewId", "iv-42"), null, null, false, "grace@candidate.test",
                Instant.parse("2030-09-01T08:00:00.123Z"));
    }

    @Test
    void roundTripsABookingEvent() {
        CloudEvent<BookingEvent> event = CloudEvent.of("7b0c5c1e-0000-4000-8000-000000000001", "/calcom-gateway",
                BookingEventType.BOOKING_RESCHEDULED.cloudEventType(), Instant.parse("2030-09-01T08:00:01Z"), "ics-1@Cal.com", rescheduled());

        String json = EventCodec.encode(event);

        assertThat(json).contains("\"type\":\"io.schedulr.calcom.booking.rescheduled.v1\"", "\"previousUid\":\"old-uid\"",
                "\"start\":\"2030-09-05T09:00:00Z\"");
        assertThat(EventCodec.decodeBookingEvent(json)).isEqualTo(event);
    }

    @Test
    void refusesWhatIsNotABookingEvent() {
        assertThatThrownBy(() -> EventCodec.decodeBookingEvent("{not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decodeBookingEvent("null")).isInstanceOf(MalformedEventException.class);
        String wrongType = EventCodec.encode(CloudEvent.of("e2", "/x", RoomEventType.ROOM_BOOKED.cloudEventType(), Instant.now(), "k",
                rescheduled()));
        assertThatThrownBy(() -> EventCodec.decodeBookingEvent(wrongType)).hasMessageContaining("unknown event type");
        BookingEvent noPrevious = new BookingEvent("ics", 1, "u", null, null, null, "t", "accepted", Instant.EPOCH, Instant.EPOCH, null, null,
                null, List.of(), null, null, Map.of(), null, null, false, null, Instant.EPOCH);
        String missing = EventCodec.encode(CloudEvent.of("e3", "/x", BookingEventType.BOOKING_RESCHEDULED.cloudEventType(), Instant.now(),
                "ics", noPrevious));
        assertThatThrownBy(() -> EventCodec.decodeBookingEvent(missing)).hasMessageContaining("data.previousUid");
    }
}
