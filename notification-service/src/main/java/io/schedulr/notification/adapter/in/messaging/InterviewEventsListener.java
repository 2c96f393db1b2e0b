package io.schedulr.notification.adapter.in.messaging;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.InterviewEvent;
import io.schedulr.events.InterviewEventType;
import io.schedulr.events.MalformedEventException;
import io.schedulr.notification.application.port.in.HandleInterviewChangeUseCase;
import io.schedulr.notification.config.NotificationConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Duration;

/**
 * Interview changes ({@code scheduling.interview-events.v1}, channel {@code interview-events}: own consumer group, from
 * the earliest record, keyed by interview id so one interview's changes come in order): every person taking part is
 * emailed the REQUEST or CANCEL. A record is acknowledged only once its mails are durably queued; consumed_event and the
 * interview's last SEQUENCE make a redelivery or a late older change harmless. A record that can never be handled
 * (malformed, no primary interviewer with a usable address) is logged and skipped; a passing failure (the database is
 * unreachable) is retried until it passes, the records behind it waiting.
 */
@ApplicationScoped
public class InterviewEventsListener {
    private static final Logger LOG = Logger.getLogger(InterviewEventsListener.class);

    private final HandleInterviewChangeUseCase interviews;
    private final Duration firstBackoff;

    @Inject
    InterviewEventsListener(HandleInterviewChangeUseCase interviews, NotificationConfig config) {
        this(interviews, config.consumer().retryBackoff());
    }

    InterviewEventsListener(HandleInterviewChangeUseCase interviews, Duration firstBackoff) {
        this.interviews = interviews;
        this.firstBackoff = firstBackoff;
    }

    @Incoming("interview-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return KafkaRetry.handle(LOG, "interview events", record, firstBackoff, () -> {
            // Records are keyed by it; every log line of this record names it. The MDC takes no null: a keyless record
            // is handled all the same (the event names its interview).
            MDC.remove("interviewId");
            if (record.key() != null) {
                MDC.put("interviewId", record.key());
            }
            CloudEvent<InterviewEvent> event = EventCodec.decodeInterviewEvent(record.value());
            InterviewEventType type = InterviewEventType.fromCloudEventType(event.type())
                    .orElseThrow(() -> new MalformedEventException("unknown event type " + event.type()));
            return interviews.handle(InterviewEventCommands.toCommand(event, type))
                    .invoke(outcome -> LOG.infof("interview event %s (%s, interview %s, sequence %d): %s", event.id(), type,
                            event.data().interviewId(), event.data().sequence(), outcome));
        });
    }
}
