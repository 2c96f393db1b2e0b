package io.schedulr.scheduling.adapter.in.messaging;

import io.schedulr.scheduling.application.port.in.LiveRoomChange;
import io.schedulr.scheduling.application.port.in.ShareRoomChangeUseCase;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where reading each assigned partition begins (the end of it, as the live stream reads from the latest) reaches the feed. */
class RoomStreamPositionsTest {
    @Test
    void theFeedLearnsTheOffsetReadingBeginsAtInEveryAssignedPartition() {
        List<String> told = new ArrayList<>();
        RoomStreamPositions positions = new RoomStreamPositions();
        positions.feed = new ShareRoomChangeUseCase() {
            @Override
            public void share(LiveRoomChange change) {
            }

            @Override
            public void readsFrom(Map<Integer, Long> nextOffsets) {
                told.add(new java.util.TreeMap<>(nextOffsets).toString());
            }
        };
        TopicPartition p0 = new TopicPartition("scheduling.room-events.v1", 0);
        TopicPartition p1 = new TopicPartition("scheduling.room-events.v1", 1);
        MockConsumer<String, String> consumer = new MockConsumer<>("latest");
        consumer.assign(List.of(p0, p1));
        consumer.updateEndOffsets(Map.of(p0, 12L, p1, 0L));

        positions.onPartitionsAssigned(consumer, List.of(p0, p1));

        assertThat(told).as("one assignment, told at once").containsExactly("{0=12, 1=0}");
    }
}
