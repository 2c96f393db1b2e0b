package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.DispatchDeliveriesUseCase.Report;
import io.schedulr.notification.application.port.out.DeliveryQueuePort;
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

import static io.schedulr.notification.support.Fixtures.GUEST;
import static io.schedulr.notification.support.Fixtures.HOST;
import static io.schedulr.notification.support.Fixtures.invitation;
import static org.assertj.core.api.Assertions.assertThat;

class DispatchServiceTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private final FakeQueue queue = new FakeQueue();
    private final List<String> sentTo = new ArrayList<>();

    @Test
    void oneFailingDeliveryIsParkedWithBackoffAndTheOthersStillGoOut() {
        queue.due.add(new DeliveryQueuePort.QueuedDelivery(1, "k1", 0, invitation(InviteMethod.REQUEST, 0, HOST)));
        queue.due.add(new DeliveryQueuePort.QueuedDelivery(2, "k2", 2, invitation(InviteMethod.REQUEST, 0, GUEST)));
        queue.due.add(new DeliveryQueuePort.QueuedDelivery(3, "k3", 0, invitation(InviteMethod.CANCEL, 1, HOST)));
        SendInvitePort sender = (invitation, key) -> {
            if (key.equals("k2")) {
                return Uni.createFrom().failure(new IllegalStateException("550 no such user"));
            }
            sentTo.add(key);
            return Uni.createFrom().voidItem();
        };
        DispatchService service = new DispatchService(queue, sender,
                new RedeliveryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(15)), Clock.fixed(NOW, ZoneOffset.UTC), 10, Duration.ofMinutes(2), 4);

        Report report = service.dispatchDue().await().indefinitely();

        assertThat(report).isEqualTo(new Report(3, 2, 1));
        assertThat(sentTo).containsExactly("k1", "k3");
        assertThat(queue.sent).containsExactly(1L, 3L);
        assertThat(queue.failed).containsExactly("2 at " + NOW.plusSeconds(120) + ": IllegalStateException: 550 no such user");
    }

    @Test
    void nothingDueIsAnEmptyRound() {
        DispatchService service = new DispatchService(queue, (i, k) -> Uni.createFrom().voidItem(),
                new RedeliveryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2)), Clock.systemUTC(), 10, Duration.ofMinutes(2), 4);
        assertThat(service.dispatchDue().await().indefinitely()).isEqualTo(new Report(0, 0, 0));
    }

    static final class FakeQueue implements DeliveryQueuePort {
        final List<QueuedDelivery> due = new ArrayList<>();
        final List<Long> sent = new ArrayList<>();
        final List<String> failed = new ArrayList<>();

        @Override
        public Uni<List<QueuedDelivery>> claimDue(int max, Duration lease) {
            List<QueuedDelivery> batch = List.copyOf(due.subList(0, Math.min(max, due.size())));
            due.removeAll(batch);
            return Uni.createFrom().item(batch);
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
    }
}
