package io.schedulr.scheduling.interview;

import io.schedulr.events.BookingEvent;
import io.schedulr.events.BookingEventType;
import io.schedulr.events.BookingPerson;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.Topics;
import io.schedulr.testsupport.KafkaRecords;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Cal.com booking changes as calcom-gateway publishes them on calcom.booking-events.v1, and waiting until they are handled. */
final class CalcomBookingRecords {
    static final String GROUP = "scheduling-calcom-bookings";
    static final BookingPerson HOST = new BookingPerson("Ada Host", "ada.host@schedulr.test", "Europe/Berlin");

    private CalcomBookingRecords() {
    }

    /** One Cal.com meeting (its iCalendar UID stays across reschedules). */
    record Meeting(String icalUid, String interviewId, List<BookingPerson> attendees, BookingPerson host) {
        static Meeting of(String interviewId, String icalUid, BookingPerson host, BookingPerson... attendees) {
            return new Meeting(icalUid, interviewId, List.of(attendees), host);
        }

        BookingEvent booking(int sequence, String uid, String previousUid, Instant start, Instant end, String status, String reason,
                             boolean requestReschedule) {
            Map<String, String> metadata = new HashMap<>();
            if (interviewId != null) {
                metadata.put("schedulrInterviewId", interviewId);
            }
            metadata.put("videoCallUrl", "https://app.cal.com/video/" + uid);
            return new BookingEvent(icalUid, sequence, uid, previousUid, 5L, 1001L, "Interview with " + host.name(), status, start, end,
                    null, null, host, attendees, "integrations:daily", "https://app.cal.com/video/" + uid, metadata, reason, null,
                    requestReschedule, null, Instant.now());
        }
    }

    static RecordMetadata created(Meeting m, String uid, Instant start, Instant end) {
        return publish(m, BookingEventType.BOOKING_CREATED, m.booking(0, uid, null, start, end, "accepted", null, false));
    }

    /** A booking of an event type that needs its host's confirmation, waiting for it (BOOKING_REQUESTED). */
    static RecordMetadata requested(Meeting m, String uid, Instant start, Instant end) {
        return publish(m, BookingEventType.BOOKING_REQUESTED, m.booking(0, uid, null, start, end, "pending", null, false));
    }

    static RecordMetadata rescheduled(Meeting m, int sequence, String uid, String previousUid, Instant start, Instant end) {
        return publish(m, BookingEventType.BOOKING_RESCHEDULED, m.booking(sequence, uid, previousUid, start, end, "accepted", null, false));
    }

    static RecordMetadata cancelled(Meeting m, int sequence, String uid, Instant start, Instant end, String reason, boolean requestReschedule) {
        return publish(m, BookingEventType.BOOKING_CANCELLED, m.booking(sequence, uid, null, start, end, "cancelled", reason, requestReschedule));
    }

    static RecordMetadata publish(Meeting m, BookingEventType type, BookingEvent data) {
        CloudEvent<BookingEvent> event = CloudEvent.of(UUID.randomUUID().toString(), "/calcom-gateway", type.cloudEventType(), Instant.now(),
                m.icalUid(), data);
        return KafkaRecords.publish(Topics.CALCOM_BOOKINGS, m.icalUid(), EventCodec.encode(event));
    }

    /** As {@link #created}, under another record key: on the same partition as that key's records, so handled after them. */
    static RecordMetadata createdUnderKey(String key, Meeting m, String uid, Instant start, Instant end) {
        CloudEvent<BookingEvent> event = CloudEvent.of(UUID.randomUUID().toString(), "/calcom-gateway",
                BookingEventType.BOOKING_CREATED.cloudEventType(), Instant.now(), m.icalUid(),
                m.booking(0, uid, null, start, end, "accepted", null, false));
        return KafkaRecords.publish(Topics.CALCOM_BOOKINGS, key, EventCodec.encode(event));
    }

    static RecordMetadata publishRaw(String key, String value) {
        return KafkaRecords.publish(Topics.CALCOM_BOOKINGS, key, value);
    }

    /** Waits until scheduling-service handled the record (and so everything before it on its partition). */
    static void handled(RecordMetadata record) {
        KafkaRecords.awaitConsumed(record, GROUP);
    }
}
