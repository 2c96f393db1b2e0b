package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.DispatchDeliveriesUseCase.Report;
import io.schedulr.notification.application.port.out.DeliveryQueuePort;
import io.schedulr.notification.application.port.out.MailServerProbePort;
import io.schedulr.notification.application.port.out.MailServerUnavailableException;
import io.schedulr.notification.application.port.out.SendInvitePort;
import io.schedulr.notification.domain.InviteMethod;
import io.schedulr.notification.domain.RedeliveryPolicy;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.schedulr.notification.support.Fixtures.GUEST;
import static io.schedulr.notification.support.Fixtures.HOST;
import static io.schedulr.notification.support.Fixtures.invitation;
import static org.assertj.core.api.Assertions.assertThat;

class DispatchServiceTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private final FakeQueue queue = new FakeQueue();
    private final List<String> sentTo = new ArrayList<>();
    private final AtomicBoolean serverAnswers = new AtomicBoolean(true);
    private final MailServerProbePort probe = () -> Uni.createFrom().item(serverAnswers.get());

    @Test
    void oneFailingDeliveryIsParkedWithBackoffAndTheOthersStillGoOut() {
        queue.due.add(new DeliveryQueuePort.QueuedDelivery(1, "k1", 0, invitation(InviteMethod.REQUEST, 0, HOST), null, "claim"));
        queue.due.add(new DeliveryQueuePort.QueuedDelivery(2, "k2", 2, invitation(InviteMethod.REQUEST, 0, GUEST), null, "claim"));
        queue.due.add(new DeliveryQueuePort.QueuedDelivery(3, "k3", 0, invitation(InviteMethod.CANCEL, 1, HOST), null, "claim"));
        SendInvitePort sender = (invitation, key, trace) -> {
            if (key.equals("k2")) {
                return Uni.createFrom().failure(new IllegalStateException("550 no such user"));
            }
            sentTo.add(key);
            return Uni.createFrom().voidItem();
        };

        Report report = service(sender, 4).dispatchDue().await().indefinitely();

        assertThat(report).isEqualTo(new Report(3, 2, 1, 0, false));
        assertThat(sentTo).containsExactly("k1", "k3");
        assertThat(queue.sent).containsExactly(1L, 3L);
        assertThat(queue.failed).containsExactly("2 at " + NOW.plusSeconds(120) + ": IllegalStateException: 550 no such user");
    }

    @Test
    void anUnreachableMailServerCountsAgainstNoDeliveryAndPausesUntilItAnswersAgain() {
        for (int i = 1; i <= 4; i++) {
            queue.due.add(new DeliveryQueuePort.QueuedDelivery(i, "k" + i, 0, invitation(InviteMethod.REQUEST, i, HOST), null, "claim"));
        }
        SendInvitePort sender = (invitation, key, trace) -> {
            if (!serverAnswers.get()) {
                return Uni.createFrom().failure(new MailServerUnavailableException("connection refused", null));
            }
            sentTo.add(key);
            return Uni.createFrom().voidItem();
        };
        DispatchService service = service(sender, 1);
        serverAnswers.set(false);

        assertThat(service.dispatchDue().await().indefinitely()).isEqualTo(new Report(4, 0, 0, 4, true));
        assertThat(queue.released).containsExactly(1L, 2L, 3L, 4L);
        assertThat(queue.failed).isEmpty();
        queue.due.addAll(queue.releasedDeliveries);

        assertThat(service.dispatchDue().await().indefinitely()).as("still down: only asked").isEqualTo(Report.waitingForMailServer());
        assertThat(queue.due).hasSize(4);

        serverAnswers.set(true);
        assertThat(service.dispatchDue().await().indefinitely()).isEqualTo(new Report(4, 4, 0, 0, false));
        assertThat(sentTo).containsExactly("k1", "k2", "k3", "k4");
        assertThat(queue.failed).isEmpty();
    }

    @Test
    void aDeliveryAnotherReplicaClaimedMeanwhileIsNotSent() {
        queue.due.add(new DeliveryQueuePort.QueuedDelivery(1, "k1", 0, invitation(InviteMethod.REQUEST, 0, HOST), null, "claim"));
        queue.due.add(new DeliveryQueuePort.QueuedDelivery(2, "k2", 0, invitation(InviteMethod.REQUEST, 0, GUEST), null, "claim"));
        queue.lost.add(2L);

        Report report = service((invitation, key, trace) -> {
            sentTo.add(key);
            return Uni.createFrom().voidItem();
        }, 1).dispatchDue().await().indefinitely();

        assertThat(sentTo).containsExactly("k1");
        assertThat(queue.sent).containsExactly(1L);
        assertThat(report.sent()).isEqualTo(1);
    }

    @Test
    void nothingDueIsAnEmptyRound() {
        assertThat(service((i, k, t) -> Uni.createFrom().voidItem(), 4).dispatchDue().await().indefinitely())
                .isEqualTo(new Report(0, 0, 0, 0, false));
    }

    private DispatchService service(SendInvitePort sender, int concurrency) {
        return new DispatchService(queue, sender, probe, new RedeliveryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(15)),
                Clock.fixed(NOW, ZoneOffset.UTC), 10, Duration.ofMinutes(2), concurrency);
    }

    static final class FakeQueue implements DeliveryQueuePort {
        final List<QueuedDelivery> due = new ArrayList<>();
        final List<Long> sent = new ArrayList<>();
        final List<String> failed = new ArrayList<>();
        final List<Long> released = new ArrayList<>();
        final List<QueuedDelivery> releasedDeliveries = new ArrayList<>();
        /** Deliveries another replica claimed after this one's lease ran out. */
        final List<Long> lost = new ArrayList<>();

        @Override
        public Uni<List<QueuedDelivery>> claimDue(int max, Duration lease) {
            List<QueuedDelivery> batch = List.copyOf(due.subList(0, Math.min(max, due.size())));
            due.removeAll(batch);
            return Uni.createFrom().item(batch);
        }

        @Override
        public Uni<Boolean> holdForSending(QueuedDelivery delivery, Duration lease) {
            return Uni.createFrom().item(!lost.contains(delivery.id()));
        }

        @Override
        public Uni<Void> markSent(QueuedDelivery delivery, Instant at) {
            sent.add(delivery.id());
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> markFailed(QueuedDelivery delivery, String error, Instant at, Instant nextAttemptAt) {
            failed.add(delivery.id() + " at " + nextAttemptAt + ": " + error);
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> release(QueuedDelivery delivery) {
            released.add(delivery.id());
            releasedDeliveries.add(delivery);
            return Uni.createFrom().voidItem();
        }
    }
}
