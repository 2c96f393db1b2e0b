package io.schedulr.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private static RoomEvent room() {
        return new RoomEvent("r1", "uid-1", 2, Instant.parse("2030-01-01T10:00:00Z"),
                Instant.parse("2030-01-01T11:00:00Z"), "Practice session", "https://meet.jit.si/x", false, "scheduled",
                new Participant("h", "host@example.com", "Host", "Europe/Berlin"),
                new Participant("g", "guest@example.com", "Guest", "America/New_York"));
    }

    @Test
    void roundTripsARoomEventInACloudEventsEnvelope() {
        CloudEvent<RoomEvent> event = CloudEvent.of("e1", "/scheduling-service", RoomEventType.ROOM_BOOKED.cloudEventType(),
                Instant.parse("2029-12-01T00:00:00Z"), "r1", room());

        String json = EventCodec.encode(event);

        assertThat(json).contains("\"specversion\":\"1.0\"", "\"type\":\"io.schedulr.room.booked.v1\"",
                "\"startUtc\":\"2030-01-01T10:00:00Z\"");
        assertThat(EventCodec.decodeRoomEvent(json)).isEqualTo(event);
    }

    @Test
    void carriesWhoCouldSeeTheRoomBeforeAndReadsEventsWithoutIt() {
        RoomEvent r = room();
        RoomEvent madePrivate = new RoomEvent(r.roomId(), r.icsUid(), r.sequence(), r.startUtc(), r.endUtc(), r.title(), r.roomUrl(), true,
                r.stage(), r.host(), r.guest(), "u-2", false, "u-1");
        CloudEvent<RoomEvent> event = CloudEvent.of("e4", "/scheduling-service", RoomEventType.ROOM_UPDATED.cloudEventType(),
                Instant.parse("2029-12-01T00:00:00Z"), "r1", madePrivate);

        String json = EventCodec.encode(event);

        assertThat(json).contains("\"wasPrivate\":false", "\"wasOfferedTo\":\"u-1\"");
        assertThat(EventCodec.decodeRoomEvent(json)).isEqualTo(event);
        String older = json.replace("\"wasPrivate\":false,", "").replace(",\"wasOfferedTo\":\"u-1\"", "");
        assertThat(older).doesNotContain("was");
        assertThat(EventCodec.decodeRoomEvent(older).data()).satisfies(d -> {
            assertThat(d.wasPrivate()).isNull();
            assertThat(d.wasOfferedTo()).isNull();
            assertThat(d.offeredTo()).isEqualTo("u-2");
        });
    }

    @Test
    void rejectsGarbageAndUnknownTypes() {
        assertThatThrownBy(() -> EventCodec.decodeRoomEvent("{not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decodeRoomEvent("null")).isInstanceOf(MalformedEventException.class).hasMessage("empty record");
        String unknown = EventCodec.encode(CloudEvent.of("e2", "/x", "io.other.v1", Instant.now(), "r1", room()));
        assertThatThrownBy(() -> EventCodec.decodeRoomEvent(unknown)).hasMessageContaining("unknown event type");
        String noData = EventCodec.encode(CloudEvent.of("e3", "/x", RoomEventType.ROOM_BOOKED.cloudEventType(), Instant.now(), "r1", null));
        assertThatThrownBy(() -> EventCodec.decodeRoomEvent(noData)).hasMessageContaining("no data");
    }

    @Test
    void onlyBookingRescheduleAndCancelNotifyPeople() {
        assertThat(RoomEventType.ROOM_CREATED.notifiesParticipants()).isFalse();
        assertThat(RoomEventType.ROOM_UPDATED.notifiesParticipants()).isFalse();
        assertThat(RoomEventType.ROOM_BOOKED.notifiesParticipants()).isTrue();
        assertThat(RoomEventType.ROOM_CANCELLED.notifiesParticipants()).isTrue();
        assertThat(RoomEventType.ROOM_RELEASED.notifiesParticipants()).as("the guest who left is told").isTrue();
    }
}
