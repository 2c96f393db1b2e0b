package io.schedulr.calendarsync.adapter.in.messaging;

import io.schedulr.calendarsync.application.port.in.RecordInterviewChangeUseCase;
import io.schedulr.calendarsync.domain.InterviewChange;
import io.schedulr.calendarsync.domain.InterviewParticipant;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.InterviewEvent;
import io.schedulr.events.InterviewEventType;
import io.schedulr.events.MalformedEventException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Duration;
import java.util.List;

/**
 * Interview events from scheduling-service (channel {@code interview-events}: the shared group
 * {@code calendar-sync-interview-mirror}, from the earliest record, in order per interview). Each change sets what the
 * team's calendars should show; the record's offset becomes committable once that is stored. Google is called later, per
 * member, by the worker, so no member's calendar can hold up the partition. A record that is not a valid interview event
 * is logged and skipped; a passing failure (the database is unreachable) is tried again with back-off.
 */
@ApplicationScoped
public class InterviewEventsListener {
    private static final Logger LOG = Logger.getLogger(InterviewEventsListener.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @Inject
    RecordInterviewChangeUseCase interviewChanges;

    @Incoming("interview-events")
    @Blocking
    public void receive(ConsumerRecord<String, String> record) throws InterruptedException {
        InterviewChange change;
        try {
            MDC.put("interviewId", record.key()); // records are keyed by it; every log line of this record names it
            change = toChange(EventCodec.decodeInterviewEvent(record.value()));
        } catch (MalformedEventException | IllegalArgumentException | NullPointerException e) {
            LOG.warnf("interview events: skipping %s: %s", at(record), e.getMessage());
            return;
        }
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                RecordInterviewChangeUseCase.Outcome outcome = interviewChanges.record(change);
                LOG.debugf("interview events: %s interview %s sequence %d: %s", at(record), change.interviewId(), change.sequence(), outcome);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("interview events: %s failed (%s); retrying in %s", at(record), e.toString(), backoff);
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    static InterviewChange toChange(CloudEvent<InterviewEvent> event) {
        InterviewEventType type = InterviewEventType.fromCloudEventType(event.type()).orElseThrow();
        InterviewEvent interview = event.data();
        List<InterviewParticipant> people = interview.people().stream()
                .map(p -> new InterviewParticipant(p.userId(), p.name(), p.email(), p.role(), p.company(), p.timeZone(),
                        InterviewParticipant.Part.valueOf(p.kind().name())))
                .toList();
        return new InterviewChange(event.id(), interview.interviewId(), interview.icsUid(), interview.sequence(), type.cancelsTheMeeting(),
                interview.title(), interview.startup(), interview.startUtc(), interview.endUtc(), interview.timeZone(), interview.meetingUrl(),
                people, interview.tentative());
    }

    private static String at(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
