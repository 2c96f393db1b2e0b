package io.schedulr.scheduling.adapter.in.messaging;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.Participant;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.scheduling.application.port.in.LiveRoomChange;
import io.schedulr.scheduling.application.port.in.ShareRoomChangeUseCase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch of the topic's records reaches the live stream record by record: one that cannot be read fails alone. */
class RoomStreamConsumerTest {
    private final List<LiveRoomChange> shared = new ArrayList<>();
    private final RoomStreamConsumer consumer = new RoomStreamConsumer();

    RoomStreamConsumerTest() {
        consumer.feed = feed(shared::add);
    }

    private static ShareRoomChangeUseCase feed(Consumer<LiveRoomChange> share) {
        return new ShareRoomChangeUseCase() {
            @Override
            public void share(LiveRoomChange change) {
                share.accept(change);
            }

            @Override
            public void readsFrom(java.util.Map<Integer, Long> nextOffsets) {
            }
        };
    }

    /** One poll's records: these values in partition 0 from offset 10 on, then {@code inPartition2} from offset 7 on. */
    private static ConsumerRecords<String, String> batch(List<String> values, List<String> inPartition2) {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> records = new LinkedHashMap<>();
        records.put(new TopicPartition("scheduling.room-events.v1", 0), records(0, 10, values));
        records.put(new TopicPartition("scheduling.room-events.v1", 2), records(2, 7, inPartition2));
        return new ConsumerRecords<>(records, Map.of());
    }

    private static List<ConsumerRecord<String, String>> records(int partition, long from, List<String> values) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (String value : values) {
            records.add(new ConsumerRecord<>("scheduling.room-events.v1", partition, from + records.size(), null, value));
        }
        return records;
    }

    @Test
    void eachChangeSaysWhereInTheTopicItWasRead() {
        consumer.receive(batch(List.of(created("room-1"), created("room-2")), List.of(created("room-3"))));

        assertThat(shared).extracting(LiveRoomChange::roomId, LiveRoomChange::position).containsExactly(
                org.assertj.core.groups.Tuple.tuple("room-1", new LiveRoomChange.Position(0, 10)),
                org.assertj.core.groups.Tuple.tuple("room-2", new LiveRoomChange.Position(0, 11)),
                org.assertj.core.groups.Tuple.tuple("room-3", new LiveRoomChange.Position(2, 7)));
    }

    @Test
    void recordsThatCannotBeReadAreSkippedAndTheRestOfTheBatchGoesOut() {
        String noData = "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"" + RoomEventType.ROOM_CREATED.cloudEventType() + "\"}";

        // A tombstone (no value), a record that is not JSON and a room event without data, between two good ones.
        consumer.receive(batch(Arrays.asList(created("room-1"), null, "not json", noData, created("room-2")), List.of()));

        assertThat(shared).extracting(LiveRoomChange::roomId).containsExactly("room-1", "room-2");
        assertThat(shared.get(0).hostName()).isEqualTo("Host");
        assertThat(shared.get(1).booked()).isFalse();
    }

    @Test
    void aRecordThatFailsOnItsWayToTheWatchersDoesNotHoldBackTheRestOfItsBatch() {
        consumer.feed = feed(change -> {
            if (change.roomId().equals("room-1")) {
                throw new IllegalStateException("feed refused");
            }
            shared.add(change);
        });

        consumer.receive(batch(List.of(created("room-1"), created("room-2"), created("room-3")), List.of()));

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
