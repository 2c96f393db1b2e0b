package io.schedulr.notification.support;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.InterviewEvent;
import io.schedulr.events.InterviewEventType;
import io.schedulr.events.InterviewPerson;
import io.schedulr.events.Topics;
import io.schedulr.testsupport.KafkaRecords;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.TopicProbe;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Publishes interview events to the real broker as scheduling-service would: CloudEvents JSON, key = interview id. */
public final class InterviewEvents {
    public static final String GROUP = "notification-interview-events";

    private InterviewEvents() {
    }

    public static synchronized void ensureTopics() {
        TopicProbe.ensureTopic(Topics.INTERVIEW_EVENTS, 3);
    }

    public static String newInterviewId() {
        return UUID.randomUUID().toString();
    }

    public static String icsUid(String interviewId) {
        return "interview-" + interviewId + "@schedulr.test";
    }

    /** A 45-minute interview of Acme Robotics, as it stands after the change. */
    public static CloudEvent<InterviewEvent> event(InterviewEventType type, String interviewId, int sequence, Instant start, String meetingUrl,
                                                   List<InterviewPerson> people, String reason) {
        return event(type, interviewId, sequence, start, meetingUrl, people, reason, false);
    }

    /** @param tentative its Cal.com booking waits for the host's confirmation */
    public static CloudEvent<InterviewEvent> event(InterviewEventType type, String interviewId, int sequence, Instant start, String meetingUrl,
                                                   List<InterviewPerson> people, String reason, boolean tentative) {
        InterviewEvent data = new InterviewEvent(interviewId, icsUid(interviewId), sequence,
                type == InterviewEventType.INTERVIEW_CANCELLED ? "cancelled" : type == InterviewEventType.INTERVIEW_SCHEDULED ? "scheduled"
                        : "confirmed", "Interview: Acme Robotics", "Acme Robotics", start, start.plus(45, ChronoUnit.MINUTES), "Europe/Berlin",
                meetingUrl, meetingUrl == null ? null : "cal-video", "bk-" + sequence, people, reason, tentative);
        return CloudEvent.of(UUID.randomUUID().toString(), "/scheduling-service", type.cloudEventType(), Instant.now(), interviewId, data);
    }

    public static InterviewPerson person(TestUser user, InterviewPerson.Kind kind, String role, String company) {
        return new InterviewPerson(user.id(), user.name(), user.email(), role, company, user.timeZone(), kind);
    }

    public static RecordMetadata publish(CloudEvent<InterviewEvent> event) {
        return publishRaw(event.data().interviewId(), EventCodec.encode(event));
    }

    public static RecordMetadata publishRaw(String key, String value) {
        return KafkaRecords.publish(Topics.INTERVIEW_EVENTS, key, value);
    }

    /** Waits until notification-service's interview consumer group has committed past this record (so it was fully handled). */
    public static void awaitConsumed(RecordMetadata record) {
        KafkaRecords.awaitConsumed(record, GROUP);
    }
}
