package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.SendBounceAlertsUseCase.Report;
import io.schedulr.notification.application.port.out.BounceAlertQueuePort;
import io.schedulr.notification.application.port.out.SendBounceAlertPort;
import io.schedulr.notification.domain.BounceAlert;
import io.schedulr.notification.domain.EmailStatus;
import io.schedulr.notification.domain.InviteMethod;
import io.schedulr.notification.domain.Person;
import io.schedulr.notification.domain.RedeliveryPolicy;
import io.schedulr.notification.domain.ReportedMail;
import io.schedulr.testsupport.SettableClock;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.schedulr.notification.domain.BounceAlertTest.START;
import static org.assertj.core.api.Assertions.assertThat;

/** Sending planned bounce alerts: once each; a refusal is tried again with back-off, then given up; one never holds up another. */
class BounceAlertDispatchServiceTest {
    static final Instant NOW = Instant.parse("2030-10-01T09:00:00Z");
    final SettableClock clock = new SettableClock(NOW);
    final InMemoryAlerts queue = new InMemoryAlerts();
    final FakeMailer mailer = new FakeMailer();
    final BounceAlertDispatchService dispatch = new BounceAlertDispatchService(queue, mailer, clock,
            new RedeliveryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(15)), 3, 2, Duration.ofMinutes(2));

    /** The queue as PgBounceAlertStore keeps it: state, attempts, next attempt, lease token. */
    static final class InMemoryAlerts implements BounceAlertQueuePort {
        static final class Row {
            BounceAlert alert;
            String status = "PENDING";
            Instant nextAttemptAt;
            Instant leaseUntil;
            String token;
            String lastError;
        }

        final Map<Long, Row> rows = new LinkedHashMap<>();

        void plan(long id, String organizer, String recipient, Instant at) {
            Row row = new Row();
            row.alert = new BounceAlert(id, new ReportedMail(id, "interview:iv-" + id, InviteMethod.REQUEST, "Interview", START,
                    START.plusSeconds(3600), new Person(organizer, null, "UTC"), new Person(recipient, null, "UTC")),
                    EmailStatus.BOUNCED, "550 unknown user", 0);
            row.nextAttemptAt = at;
            rows.put(id, row);
        }

        @Override
        public Uni<List<Claimed>> claimDue(Instant now, Duration lease, int batch) {
            String token = UUID.randomUUID().toString();
            List<Claimed> claims = new ArrayList<>();
            for (Row row : rows.values()) {
                boolean due = "PENDING".equals(row.status) && !row.nextAttemptAt.isAfter(now)
                        || "SENDING".equals(row.status) && row.leaseUntil.isBefore(now);
                if (due && claims.size() < batch) {
                    row.status = "SENDING";
                    row.leaseUntil = now.plus(lease);
                    row.token = token;
                    claims.add(new Claimed(row.alert, token));
                }
            }
            return Uni.createFrom().item(claims);
        }

        @Override
        public Uni<Boolean> sent(Claimed claim, Instant at) {
            return settle(claim, "SENT", null, null);
        }

        @Override
        public Uni<Boolean> failed(Claimed claim, String error, Instant nextAttemptAt) {
            return settle(claim, nextAttemptAt == null ? "GIVEN_UP" : "PENDING", error, nextAttemptAt);
        }

        private Uni<Boolean> settle(Claimed claim, String status, String error, Instant next) {
            Row row = rows.get(claim.alert().id());
            if (!"SENDING".equals(row.status) || !claim.token().equals(row.token)) {
                return Uni.createFrom().item(false);
            }
            int attempts = row.alert.attempts() + ("SENT".equals(status) ? 0 : 1);
            row.alert = new BounceAlert(row.alert.id(), row.alert.mail(), row.alert.reportStatus(), row.alert.reportDetail(), attempts);
            row.status = status;
            row.lastError = error == null ? row.lastError : error;
            row.nextAttemptAt = next == null ? row.nextAttemptAt : next;
            row.token = null;
            return Uni.createFrom().item(true);
        }
    }

    static final class FakeMailer implements SendBounceAlertPort {
        final List<String> sent = new ArrayList<>();
        final Set<String> refusing = new HashSet<>();

        @Override
        public Uni<Void> send(BounceAlert alert) {
            String to = alert.mail().organizer().email();
            if (refusing.contains(to)) {
                return Uni.createFrom().failure(new IllegalStateException("451 try again later"));
            }
            sent.add(to + " about " + alert.mail().recipient().email());
            return Uni.createFrom().voidItem();
        }
    }

    Report round() {
        return dispatch.sendDue().await().indefinitely();
    }

    @Test
    void eachAlertGoesOutOnceAcrossFullBatches() {
        queue.plan(1, "ada@acme.test", "grace@acme.tset", NOW);
        queue.plan(2, "bob@acme.test", "gus@example.tset", NOW);
        queue.plan(3, "ada@acme.test", "olive@example.tset", NOW);

        Report report = round();

        assertThat(report.claimed()).as("a full batch of 2, then the rest").isEqualTo(3);
        assertThat(report.sent()).isEqualTo(3);
        assertThat(mailer.sent).containsExactly("ada@acme.test about grace@acme.tset", "bob@acme.test about gus@example.tset",
                "ada@acme.test about olive@example.tset");
        assertThat(round().claimed()).as("sent ones are not claimed again").isZero();
        assertThat(queue.rows.values()).extracting(r -> r.status).containsOnly("SENT");
    }

    @Test
    void aRefusedAlertIsTriedAgainWithBackOffThenGivenUpWithoutHoldingUpTheOthers() {
        queue.plan(1, "ada@acme.test", "grace@acme.tset", NOW);
        queue.plan(2, "bob@acme.test", "gus@example.tset", NOW);
        mailer.refusing.add("ada@acme.test");

        Report first = round();
        assertThat(first.sent()).as("Bob's goes out although Ada's mail server refuses hers").isEqualTo(1);
        assertThat(first.failed()).isEqualTo(1);
        InMemoryAlerts.Row ada = queue.rows.get(1L);
        assertThat(ada.status).isEqualTo("PENDING");
        assertThat(ada.nextAttemptAt).isEqualTo(NOW.plusSeconds(30));
        assertThat(ada.lastError).contains("451 try again later");

        clock.set(NOW.plusSeconds(29));
        assertThat(round().claimed()).as("not before its back-off").isZero();
        clock.set(NOW.plusSeconds(30));
        assertThat(round().failed()).isEqualTo(1);
        assertThat(ada.nextAttemptAt).as("doubled").isEqualTo(NOW.plusSeconds(90));

        clock.set(NOW.plusSeconds(90));
        Report third = round();
        assertThat(third.givenUp()).as("the third refused send is the last").isEqualTo(1);
        assertThat(ada.status).isEqualTo("GIVEN_UP");
        clock.set(NOW.plus(Duration.ofDays(1)));
        assertThat(round().claimed()).isZero();
        assertThat(mailer.sent).containsExactly("bob@acme.test about gus@example.tset");
    }

    @Test
    void aClaimLostToAnotherSenderIsNotCountedAsSent() {
        queue.plan(1, "ada@acme.test", "grace@acme.tset", NOW);
        BounceAlertDispatchService other = new BounceAlertDispatchService(queue, new SendBounceAlertPort() {
            @Override
            public Uni<Void> send(BounceAlert alert) {
                queue.rows.get(alert.id()).token = "taken-by-another-sender";
                return Uni.createFrom().voidItem();
            }
        }, clock, new RedeliveryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(15)), 3, 2, Duration.ofMinutes(2));

        Report report = other.sendDue().await().indefinitely();

        assertThat(report.claimed()).isEqualTo(1);
        assertThat(report.sent()).isZero();
        assertThat(report.errors()).isZero();
    }
}
