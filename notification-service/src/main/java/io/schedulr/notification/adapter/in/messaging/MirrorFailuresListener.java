package io.schedulr.notification.adapter.in.messaging;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.MalformedEventException;
import io.schedulr.events.RoomEventType;
import io.schedulr.events.RoomMirrorFailure;
import io.schedulr.notification.application.port.in.HandleMirrorFailureUseCase;
import io.schedulr.notification.config.NotificationConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Room changes calendar-sync-service could not write to Google for good ({@code calendar.mirror-failures.v1}, channel
 * {@code mirror-failures}: own consumer group, from the earliest record): Google invites nobody for them, so both
 * participants are emailed, at most once per person per change. A record that can never be handled is logged and
 * skipped; a passing failure is retried until it passes.
 */
@ApplicationScoped
public class MirrorFailuresListener {
    private static final Logger LOG = Logger.getLogger(MirrorFailuresListener.class);

    private final HandleMirrorFailureUseCase mirrorFailures;
    private final Duration firstBackoff;

    @Inject
    MirrorFailuresListener(HandleMirrorFailureUseCase mirrorFailures, NotificationConfig config) {
        this.mirrorFailures = mirrorFailures;
        this.firstBackoff = config.consumer().retryBackoff();
    }

    @Incoming("mirror-failures")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return KafkaRetry.handle(LOG, "mirror failures", record, firstBackoff, () -> {
            CloudEvent<RoomMirrorFailure> event = EventCodec.decodeRoomMirrorFailure(record.value());
            RoomMirrorFailure failure = event.data();
            RoomEventType change = RoomEventType.fromCloudEventType(failure.change())
                    .orElseThrow(() -> new MalformedEventException("unknown room change " + failure.change()));
            return mirrorFailures.handleMirrorFailure(RoomEventCommands.toCommand(event, failure.room(), change), failure.reason())
                    .invoke(outcome -> LOG.infof("mirror failure %s (%s of room %s, sequence %d, %s): %s", event.id(), change,
                            failure.room().roomId(), failure.room().sequence(), failure.reason(), outcome));
        });
    }
}
