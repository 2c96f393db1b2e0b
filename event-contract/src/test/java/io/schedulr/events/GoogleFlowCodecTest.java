package io.schedulr.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoogleFlowCodecTest {
    private static final Instant AT = Instant.parse("2030-01-01T10:00:00Z");
    private static final RoomEvent ROOM = new RoomEvent("r1", "uid-1@schedulr", 2, AT, AT.plusSeconds(3600), "Practice", "https://x/r1",
            false, null, new Participant("h", "h@example.com", "Host", "UTC"), new Participant("g", "g@example.com", "Guest", "UTC"));

    @Test
    void roundTripsAMirrorFailure() {
        CloudEvent<RoomMirrorFailure> event = CloudEvent.of("f1", "/calendar-sync-service", RoomMirrorFailure.CLOUD_EVENT_TYPE, AT, "r1",
                new RoomMirrorFailure(RoomEventType.ROOM_BOOKED.cloudEventType(), "google_rejected:forbidden", ROOM));

        String json = EventCodec.encode(event);

        assertThat(EventCodec.decodeRoomMirrorFailure(json)).isEqualTo(event);
    }

    @Test
    void refusesAMirrorFailureWithoutARoomOrWithAnUnknownChange() {
        String noRoom = EventCodec.encode(CloudEvent.of("f2", "/x", RoomMirrorFailure.CLOUD_EVENT_TYPE, AT, "r1",
                new RoomMirrorFailure(RoomEventType.ROOM_BOOKED.cloudEventType(), "x", null)));
        assertThatThrownBy(() -> EventCodec.decodeRoomMirrorFailure(noRoom)).hasMessageContaining("has no room");
        String oddChange = EventCodec.encode(CloudEvent.of("f3", "/x", RoomMirrorFailure.CLOUD_EVENT_TYPE, AT, "r1",
                new RoomMirrorFailure("io.schedulr.room.exploded.v1", "x", ROOM)));
        assertThatThrownBy(() -> EventCodec.decodeRoomMirrorFailure(oddChange)).hasMessageContaining("unknown room change");
        assertThatThrownBy(() -> EventCodec.decodeRoomMirrorFailure("[]")).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void roundTripsARoomCommandAndRefusesARescheduleWithoutATime() {
        CloudEvent<RoomCommand> move = CloudEvent.of("c1", "/calendar-sync-service", RoomCommandType.RESCHEDULE_ROOM.cloudEventType(), AT,
                "r1", new RoomCommand("r1", "uid-1@schedulr", "h", AT.plusSeconds(7200), AT.plusSeconds(10800), 2, AT));
        assertThat(EventCodec.decodeRoomCommand(EventCodec.encode(move))).isEqualTo(move);

        String noTime = EventCodec.encode(CloudEvent.of("c2", "/x", RoomCommandType.RESCHEDULE_ROOM.cloudEventType(), AT, "r1",
                new RoomCommand("r1", "u", "h", null, null, 2, AT)));
        assertThatThrownBy(() -> EventCodec.decodeRoomCommand(noTime)).hasMessageContaining("no new start");
        String unknown = EventCodec.encode(CloudEvent.of("c3", "/x", "io.schedulr.scheduling.explode.v1", AT, "r1",
                new RoomCommand("r1", "u", "h", null, null, 2, AT)));
        assertThatThrownBy(() -> EventCodec.decodeRoomCommand(unknown)).hasMessageContaining("unknown command type");
        String cancel = EventCodec.encode(CloudEvent.of("c4", "/x", RoomCommandType.CANCEL_ROOM.cloudEventType(), AT, "r1",
                new RoomCommand("r1", "u", "h", null, null, 2, AT)));
        assertThat(EventCodec.decodeRoomCommand(cancel).data().actorId()).isEqualTo("h");
    }
}
