package io.schedulr.scheduling.api;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.events.Topics;
import io.schedulr.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Room events as another service reads them from the real Kafka topic. */
public final class RoomEvents implements AutoCloseable {
    private final TopicProbe probe = TopicProbe.fromNow(Topics.ROOM_EVENTS);

    public static Predicate<ConsumerRecord<String, String>> of(String roomId, RoomEventType type) {
        return r -> roomId.equals(r.key()) && EventCodec.decodeRoomEvent(r.value()).type().equals(type.cloudEventType());
    }

    public static Predicate<ConsumerRecord<String, String>> of(String roomId) {
        return r -> roomId.equals(r.key());
    }

    public List<CloudEvent<RoomEvent>> await(Predicate<ConsumerRecord<String, String>> filter, int count, Duration timeout) {
        return probe.await(filter, count, timeout).stream().map(r -> EventCodec.decodeRoomEvent(r.value())).toList();
    }

    public CloudEvent<RoomEvent> awaitOne(String roomId, RoomEventType type) {
        List<CloudEvent<RoomEvent>> events = await(of(roomId, type), 1, Duration.ofSeconds(20));
        if (events.isEmpty()) {
            throw new AssertionError("no " + type + " for room " + roomId + " on " + Topics.ROOM_EVENTS);
        }
        return events.get(0);
    }

    public List<CloudEvent<RoomEvent>> collect(Predicate<ConsumerRecord<String, String>> filter, Duration window) {
        return probe.collect(filter, window).stream().map(r -> EventCodec.decodeRoomEvent(r.value())).toList();
    }

    @Override
    public void close() {
        probe.close();
    }
}
