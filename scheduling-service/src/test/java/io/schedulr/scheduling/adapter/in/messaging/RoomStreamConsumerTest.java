package io.schedulr.scheduling.adapter.in.messaging;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.Participant;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.scheduling.application.port.in.LiveRoomChange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch of the topic's records reaches the live stream record by record: one that cannot be read fails alone. */
class RoomStreamConsumerTest {
    private final List<LiveRoomChange> shared = new ArrayList<>();
    private final RoomStreamConsumer consumer = new RoomStreamConsumer();

    RoomStreamConsumerTest() {
        consumer.feed = shared::add;
    }

    @Test
    void recordsThatCannotBeReadAreSkippedAndTheRestOfTheBatchGoesOut() {
        String noData = "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"" + RoomEventType.ROOM_CREATED.cloudEventType() + "\"}";

        // A tombstone (no value), a record that is not JSON and a room event without data, between two good ones.
        consumer.receive(Arrays.asList(created("room-1"), null, "not json", noData, created("room-2")));

        assertThat(shared).extracting(LiveRoomChange::roomId).containsExactly("room-1", "room-2");
        assertThat(shared.get(0).hostName()).isEqualTo("Host");
        assertThat(shared.get(1).booked()).isFalse();
    }

    @Test
    void aRecordThatFailsOnItsWayToTheWatchersDoesNotHoldBackTheRestOfItsBatch() {
        consumer.feed = change -> {
            if (change.roomId().equals("room-1")) {
                throw new IllegalStateException("feed refused");
            }
            shared.add(change);
        };

        consumer.receive(List.of(created("room-1"), created("room-2"), created("room-3")));

        assertThat(shared).extracting(LiveRoomChange::roomId).containsExactly("room-2", "room-3");
    }

    private static String created(String roomId) {
        Instant start = Instant.parse("2026-12-10T10:00:00Z");
        RoomEvent data = new RoomEvent(roomId, roomId + "@schedulr", 0, start, start.plusSeconds(3600), "Practice", null, false,
                null, new Participant("host-1", "host@example.com", "Host", "UTC"), null);
        return EventCodec.encode(CloudEvent.of("event-" + roomId, "/scheduling-service", RoomEventType.ROOM_CREATED.cloudEventType(),
                start.minusSeconds(60), roomId, data));
    }
}
