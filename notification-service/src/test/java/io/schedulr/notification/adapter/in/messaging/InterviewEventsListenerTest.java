package io.schedulr.notification.adapter.in.messaging;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.InterviewEvent;
import io.schedulr.events.InterviewEventType;
import io.schedulr.events.InterviewPerson;
import io.schedulr.notification.application.port.in.HandleInterviewChangeCommand;
import io.schedulr.notification.application.port.in.HandleInterviewChangeUseCase;
import io.smallrye.mutiny.Uni;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A record without a key is handled like any other, instead of being retried for ever and holding its partition. */
class InterviewEventsListenerTest {
    static final Instant START = Instant.parse("2030-03-14T09:30:00Z");

    final List<HandleInterviewChangeCommand> handled = new ArrayList<>();
    final InterviewEventsListener listener = new InterviewEventsListener(command -> {
        handled.add(command);
        return Uni.createFrom().item(HandleInterviewChangeUseCase.Outcome.QUEUED);
    }, Duration.ofMillis(5));

    @Test
    void aRecordWithoutAKeyIsHandled() {
        listener.consume(new ConsumerRecord<>("scheduling.interview-events.v1", 0, 3L, null, scheduled("iv-1")))
                .await().atMost(Duration.ofSeconds(10));

        assertThat(handled).singleElement().satisfies(c -> assertThat(c.interviewId()).isEqualTo("iv-1"));
    }

    @Test
    void aJsonNullBodyIsSkippedAndTheNextRecordIsHandled() {
        listener.consume(new ConsumerRecord<>("scheduling.interview-events.v1", 0, 3L, null, "null")).await().atMost(Duration.ofSeconds(10));
        listener.consume(new ConsumerRecord<>("scheduling.interview-events.v1", 0, 4L, "iv-2", scheduled("iv-2")))
                .await().atMost(Duration.ofSeconds(10));

        assertThat(handled).singleElement().satisfies(c -> assertThat(c.interviewId()).isEqualTo("iv-2"));
    }

    static String scheduled(String interviewId) {
        InterviewPerson lead = new InterviewPerson("u-lead", "Lea Lead", "lea@example.com", "Engineering lead", "Schedulr", "UTC",
                InterviewPerson.Kind.PRIMARY_INTERVIEWER);
        InterviewEvent data = new InterviewEvent(interviewId, "interview-" + interviewId + "@schedulr.test", 0, "scheduled",
                "Interview: Acme Robotics", "Acme Robotics", START, START.plusSeconds(2700), "Europe/Berlin", null, null, "bk-0",
                List.of(lead), null, false);
        return EventCodec.encode(CloudEvent.of("evt-" + interviewId, "/scheduling-service",
                InterviewEventType.INTERVIEW_SCHEDULED.cloudEventType(), START, interviewId, data));
    }
}
