package io.schedulr.scheduling.calendar;

import io.schedulr.events.CalendarConnectionEvent;
import io.schedulr.events.CalendarConnectionEventType;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.Topics;
import io.schedulr.testsupport.KafkaRecords;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.TopicProbe;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Instant;
import java.util.UUID;

/** Publishes calendar connection events to the real broker as calendar-sync-service's outbox relay does: CloudEvents JSON, key = user id. */
final class CalendarConnectionEvents {
    static final String CONSUMER_GROUP = "scheduling-calendar-connections";

    private CalendarConnectionEvents() {
    }

    static void ensureTopic() {
        TopicProbe.ensureTopic(Topics.CALENDAR_CONNECTIONS, 3);
    }

    static RecordMetadata connected(TestUser user, Instant at) {
        return publish(event(CalendarConnectionEventType.CALENDAR_CONNECTED, user,
                CalendarConnectionEvent.CONNECTED, null, "schedulr-" + user.id() + "@group.calendar.google.com", at));
    }

    static RecordMetadata disconnected(TestUser user, String status, String reason, Instant at) {
        return publish(event(CalendarConnectionEventType.CALENDAR_DISCONNECTED, user, status, reason, null, at));
    }

    static CloudEvent<CalendarConnectionEvent> event(CalendarConnectionEventType type, TestUser user, String status, String reason,
                                                     String calendarId, Instant at) {
        return CloudEvent.of(UUID.randomUUID().toString(), "/calendar-sync-service", type.cloudEventType(), at, user.id(),
                new CalendarConnectionEvent(user.id(), user.email(), status, reason, calendarId));
    }

    static RecordMetadata publish(CloudEvent<CalendarConnectionEvent> event) {
        return publishRaw(event.data().userId(), EventCodec.encode(event));
    }

    /** Sends and waits for the broker's acknowledgement. */
    static RecordMetadata publishRaw(String key, String value) {
        return KafkaRecords.publish(Topics.CALENDAR_CONNECTIONS, key, value);
    }

    /** Waits until scheduling-service's consumer group has committed past this record, so it was handled. */
    static void awaitConsumed(RecordMetadata record) {
        KafkaRecords.awaitConsumed(record, CONSUMER_GROUP);
    }
}
