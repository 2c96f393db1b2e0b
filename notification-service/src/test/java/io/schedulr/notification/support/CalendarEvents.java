package io.schedulr.notification.support;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomMirrorFailure;
import io.schedulr.events.Topics;
import io.schedulr.testsupport.KafkaRecords;
import io.schedulr.testsupport.TopicProbe;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Instant;
import java.util.UUID;

/**
 * Publishes what calendar-sync-service publishes for notification-service, to the real broker: room mirror failures
 * (key = room id), CloudEvents JSON.
 */
public final class CalendarEvents {
    public static final String MIRROR_FAILURES_GROUP = "notification-mirror-failures";

    private CalendarEvents() {
    }

    public static synchronized void ensureTopics() {
        TopicProbe.ensureTopic(Topics.CALENDAR_MIRROR_FAILURES, 3);
    }

    /** calendar-sync-service announces that Google will not tell the participants of this room change (the room event as published). */
    public static CloudEvent<RoomMirrorFailure> mirrorFailure(CloudEvent<RoomEvent> roomEvent, String reason) {
        return CloudEvent.of(UUID.randomUUID().toString(), "/calendar-sync-service", RoomMirrorFailure.CLOUD_EVENT_TYPE, Instant.now(),
                roomEvent.data().roomId(), new RoomMirrorFailure(roomEvent.type(), reason, roomEvent.data()));
    }

    public static RecordMetadata publishFailure(CloudEvent<RoomMirrorFailure> failure) {
        return KafkaRecords.publish(Topics.CALENDAR_MIRROR_FAILURES, failure.data().room().roomId(), EventCodec.encode(failure));
    }
}
