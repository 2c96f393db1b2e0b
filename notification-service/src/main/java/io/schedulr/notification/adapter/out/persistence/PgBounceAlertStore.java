package io.schedulr.notification.adapter.out.persistence;

import io.schedulr.notification.application.port.out.BounceAlertQueuePort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.schedulr.notification.adapter.out.persistence.SqlValues.ts;

/**
 * The bounce alerts' queue in PostgreSQL: claimed with {@code FOR UPDATE SKIP LOCKED} and a lease token, so two replicas never
 * hold the same alert, and settled only by the claim that still holds it. Times come from the caller (the injected clock).
 */
@ApplicationScoped
public class PgBounceAlertStore implements BounceAlertQueuePort {
    private static final Logger LOG = Logger.getLogger(PgBounceAlertStore.class);
    private final Pool pool;

    public PgBounceAlertStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<List<Claimed>> claimDue(Instant now, Duration lease, int batch) {
        UUID token = UUID.randomUUID();
        return pool.preparedQuery("""
                        WITH claimed AS (
                            UPDATE bounce_alert SET status = 'SENDING', lease_until = $2, lease_token = $3
                            WHERE id IN (SELECT id FROM bounce_alert
                                         WHERE (status = 'PENDING' AND next_attempt_at <= $1)
                                            OR (status = 'SENDING' AND lease_until < $1)
                                         ORDER BY id LIMIT $4
                                         FOR UPDATE SKIP LOCKED)
                            RETURNING id, delivery_id, report_status, report_detail, attempts)
                        SELECT c.id, c.report_status, c.report_detail, c.attempts, """ + BounceAlertRows.MAIL_COLUMNS + """
                        FROM claimed c JOIN delivery d ON d.id = c.delivery_id
                        ORDER BY c.id""")
                .execute(Tuple.of(ts(now), ts(now.plus(lease)), token, batch))
                .flatMap(rows -> {
                    List<Claimed> claims = new ArrayList<>();
                    List<Uni<Void>> setAside = new ArrayList<>();
                    for (Row row : rows) {
                        try {
                            claims.add(new Claimed(BounceAlertRows.alert(row), token.toString()));
                        } catch (RuntimeException e) {
                            long id = row.getLong("id");
                            LOG.warnf("bounce alert %d given up: its row cannot be read (%s)", id, e.toString());
                            setAside.add(settle(id, token.toString(), "GIVEN_UP", "unreadable: " + e, null, null).replaceWithVoid());
                        }
                    }
                    return setAside.isEmpty() ? Uni.createFrom().item(claims)
                            : Uni.join().all(setAside).andFailFast().replaceWith(claims);
                });
    }

    @Override
    public Uni<Boolean> sent(Claimed claim, Instant at) {
        return settle(claim.alert().id(), claim.token(), "SENT", null, null, at);
    }

    @Override
    public Uni<Boolean> failed(Claimed claim, String error, Instant nextAttemptAt) {
        return nextAttemptAt == null ? settle(claim.alert().id(), claim.token(), "GIVEN_UP", error, null, null)
                : settle(claim.alert().id(), claim.token(), "PENDING", error, nextAttemptAt, null);
    }

    /** Counts the attempt unless it was sent; only the claim holding the alert (its token) may settle it. */
    private Uni<Boolean> settle(long id, String token, String status, String error, Instant nextAttemptAt, Instant sentAt) {
        return pool.preparedQuery("""
                        UPDATE bounce_alert
                        SET status = $3, last_error = COALESCE($4, last_error), next_attempt_at = COALESCE($5, next_attempt_at),
                            sent_at = $6, attempts = attempts + CASE WHEN $3 = 'SENT' THEN 0 ELSE 1 END,
                            lease_until = NULL, lease_token = NULL
                        WHERE id = $1 AND status = 'SENDING' AND lease_token = $2""")
                .execute(Tuple.from(Arrays.asList(id, UUID.fromString(token), status, SqlValues.clip(error, 2000), ts(nextAttemptAt),
                        ts(sentAt))))
                .map(rows -> rows.rowCount() == 1);
    }
}
