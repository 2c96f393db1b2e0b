package io.schedulr.scheduling.adapter.in.messaging;

import io.schedulr.scheduling.application.port.in.ShareRoomChangeUseCase;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells the live stream where this replica begins reading each partition of the room topic (the end of it at start,
 * as the {@code room-stream} channel reads from the latest), so that it knows from which offset on it holds every
 * change, even of a partition nothing has come from yet. Named by
 * {@code mp.messaging.incoming.room-stream.consumer-rebalance-listener.name}.
 */
@ApplicationScoped
@Identifier("room-stream-positions")
public class RoomStreamPositions implements KafkaConsumerRebalanceListener {
    @Inject
    ShareRoomChangeUseCase feed;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<Integer, Long> next = new HashMap<>();
        for (TopicPartition partition : partitions) {
            next.put(partition.partition(), consumer.position(partition));
        }
        feed.readsFrom(next);
    }
}
