package io.schedulr.notification.adapter.out.persistence;

import io.schedulr.notification.application.port.in.DispatchDeliveriesUseCase.Report;
import io.schedulr.notification.application.port.out.DeliveryQueuePort.QueuedDelivery;
import io.schedulr.notification.application.port.out.SendInvitePort;
import io.schedulr.notification.application.service.DispatchService;
import io.schedulr.notification.domain.RedeliveryPolicy;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.infra.InfraEndpoints;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas working the same delivery queue on the real PostgreSQL (a database of this test's own, migrated by Flyway,
 * so the running service's dispatcher does not take its rows): a delivery whose lease ran out and which another replica
 * claimed is sent once and recorded once, however slowly the first replica's SMTP server answered.
 */
class DeliveryClaimsTest {
    static InfraEndpoints infra;
    static String database;
    static Vertx vertx;
    static PgPool pool;
    static PgDeliveryStore store;

    @BeforeAll
    static void ownDatabase() throws SQLException {
        infra = TestInfra.get();
        database = "notification_claims_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("postgres"), infra.postgresUser(), infra.postgresPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        migrate();
        vertx = Vertx.vertx();
        pool = PgPool.pool(vertx, PgConnectOptions.fromUri(infra.reactiveUrl(database)).setUser(infra.postgresUser())
                .setPassword(infra.postgresPassword()), new PoolOptions().setMaxSize(4));
        store = new PgDeliveryStore(pool);
    }

    /** The service's Flyway migrations, in version order (Flyway's PostgreSQL support comes with Quarkus' build only). */
    private static void migrate() throws SQLException {
        Path dir = Path.of("src/main/resources/db/migration");
        try (Stream<Path> files = Files.list(dir);
             Connection c = DriverManager.getConnection(infra.jdbcUrl(database), infra.postgresUser(), infra.postgresPassword());
             Statement s = c.createStatement()) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .toList()) {
                s.execute(Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void dropIt() throws Exception {
        pool.closeAndAwait();
        vertx.closeAndAwait();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("postgres"), infra.postgresUser(), infra.postgresPassword());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @BeforeEach
    void emptyQueue() throws SQLException {
        execute("TRUNCATE delivery, delivery_attempt CASCADE");
    }

    @Test
    void aDeliveryClaimedAgainAfterTheLeaseRanOutIsSettledOnlyOnce() throws Exception {
        long id = queue("a@example.com");
        QueuedDelivery first = store.claimDue(10, Duration.ofMillis(1)).await().atMost(Duration.ofSeconds(10)).get(0);
        Thread.sleep(50);
        List<QueuedDelivery> again = store.claimDue(10, Duration.ofMinutes(1)).await().atMost(Duration.ofSeconds(10));
        assertThat(again).as("the lease ran out: another replica claims it").extracting(QueuedDelivery::id).containsExactly(id);
        QueuedDelivery second = again.get(0);

        assertThat(store.holdForSending(first, Duration.ofMinutes(1)).await().indefinitely()).as("the first may no longer send it").isFalse();
        store.markFailed(first, "451 try later", Instant.now(), Instant.now().plusSeconds(30)).await().indefinitely();
        store.release(first).await().indefinitely();
        assertThat(value("SELECT status || ' ' || attempts || ' ' || (lease_until > now()) FROM delivery WHERE id = " + id))
                .as("the late failure and give-back of the first claim leave the second claim alone").isEqualTo("PENDING 0 true");

        assertThat(store.holdForSending(second, Duration.ofMinutes(1)).await().indefinitely()).isTrue();
        store.markSent(second, Instant.now()).await().indefinitely();
        store.markSent(first, Instant.now()).await().indefinitely(); // the first replica's send went through after all
        assertThat(value("SELECT status || ' ' || attempts FROM delivery WHERE id = " + id)).isEqualTo("SENT 1");
        assertThat(value("SELECT count(*) FROM delivery_attempt WHERE delivery_id = " + id)).as("one attempt on record").isEqualTo("1");
        assertThat(store.claimDue(10, Duration.ofMinutes(1)).await().indefinitely()).isEmpty();
    }

    @Test
    void aBatchSentMoreSlowlyThanItsLeaseIsNotSentTwiceByAnotherReplica() throws Exception {
        for (String to : List.of("one@example.com", "two@example.com", "three@example.com")) {
            queue(to);
        }
        Map<String, Integer> sends = new ConcurrentHashMap<>();
        SendInvitePort slowSmtp = (invitation, key, trace) -> Uni.createFrom().voidItem()
                .onItem().delayIt().by(Duration.ofMillis(2000))
                .invoke(() -> sends.merge(invitation.recipient().email(), 1, Integer::sum));
        // Lease 3 s, one mail at a time, each taking 2 s: the batch takes 6 s, longer than the lease.
        DispatchService replicaA = replica(slowSmtp);
        DispatchService replicaB = replica(slowSmtp);

        CompletableFuture<Report> a = replicaA.dispatchDue().subscribeAsCompletionStage();
        // While A sends the second mail, the lease it took on the third when it claimed the batch runs out.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> value("SELECT count(*) FROM delivery WHERE recipient_email = 'three@example.com' AND lease_until < now()")
                        .equals("1"));
        Report b = replicaB.dispatchDue().await().atMost(Duration.ofSeconds(20));
        a.get(20, TimeUnit.SECONDS);

        assertThat(b.claimed()).as("B took over what A had not started").isGreaterThanOrEqualTo(1);
        assertThat(sends).as("every mail sent exactly once").isEqualTo(Map.of("one@example.com", 1, "two@example.com", 1,
                "three@example.com", 1));
        assertThat(value("SELECT count(*) FROM delivery_attempt")).isEqualTo("3");
        assertThat(value("SELECT count(*) FROM delivery WHERE status = 'SENT' AND attempts = 1")).isEqualTo("3");
    }

    private static DispatchService replica(SendInvitePort sender) {
        return new DispatchService(store, sender, () -> Uni.createFrom().item(true),
                new RedeliveryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(15)), Clock.systemUTC(), 10, Duration.ofMillis(3000), 1);
    }

    /** A due REQUEST to {@code to} in a room of its own (so no per-room order holds it back). */
    private static long queue(String to) throws SQLException {
        return Long.parseLong(value("INSERT INTO delivery (event_id, room_id, method, sequence, ics_uid, title, start_utc, end_utc, "
                + "organizer_email, organizer_name, organizer_tz, attendee_email, attendee_name, attendee_tz, recipient_email, "
                + "recipient_name, recipient_tz, message_key, status) VALUES ('evt-" + to + "', 'room-" + to + "', 'REQUEST', 0, "
                + "'uid-" + to + "', 'Cello lesson', '2030-03-14T09:30:00Z', '2030-03-14T10:15:00Z', 'host@example.com', 'Host', 'UTC', "
                + "'" + to + "', 'Guest', 'UTC', '" + to + "', 'Guest', 'UTC', gen_random_uuid()::text, 'PENDING') RETURNING id"));
    }

    private static String value(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(database), infra.postgresUser(), infra.postgresPassword());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(database), infra.postgresUser(), infra.postgresPassword());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
