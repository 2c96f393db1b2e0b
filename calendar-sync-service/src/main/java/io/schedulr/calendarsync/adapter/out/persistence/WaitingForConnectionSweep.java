package io.schedulr.calendarsync.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the queued Google work of people whose calendar is not connected out of the workers' claims. A claim offers
 * only work of connected people, but it reads the due rows in order, so every claim used to walk past all the due work
 * of disconnected or revoked people (about 0.5 µs a row: 11 ms with 20,000; docs/performance.md). Every
 * {@code schedulr.mirror-waiting-sweep} this sweep sets such due work's time to {@code infinity}, out of the claims' index
 * range, and sets it back to now once the person is connected again: what is offered, and in which order, does not change;
 * work waiting for a reconnect is written within one sweep of it. Rows a worker holds are left for the next sweep.
 */
@ApplicationScoped
public class WaitingForConnectionSweep {
    private static final Logger LOG = Logger.getLogger(WaitingForConnectionSweep.class);
    private static final String CONNECTED = "EXISTS (SELECT 1 FROM calendar_connection c WHERE c.google_account_id = t.%s "
            + "AND c.status = 'connected')";
    /** Per table (its person column, its key): set aside the due work of people not connected, bring back that of those who are. */
    private static final List<String> STATEMENTS = List.of(
            setAside("mirror_job", "host_id", "id"), bringBack("mirror_job", "host_id", "id"),
            setAside("interview_mirror_entry", "member_id", "interview_id, member_id"),
            bringBack("interview_mirror_entry", "member_id", "interview_id, member_id"),
            setAside("reminder_patch", "person_id", "calendar_id, google_event_id"),
            bringBack("reminder_patch", "person_id", "calendar_id, google_event_id"));

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;

    /** The statements failing at the last sweep, so that a lasting failure is logged once, not every sweep. */
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    /** Each statement runs and fails alone: one table that cannot be swept leaves the others swept. */
    @Scheduled(every = "${schedulr.mirror-waiting-sweep}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Timestamp now = Timestamp.from(clock.instant());
        for (String statement : STATEMENTS) {
            try {
                update(statement, now);
                if (failing.remove(statement)) {
                    LOG.info("a sweep of work waiting for a calendar connection runs again: " + statement);
                }
            } catch (SQLException | RuntimeException e) {
                if (failing.add(statement)) {
                    LOG.warnf("a sweep of work waiting for a calendar connection failed (the claims stay correct, only slower; "
                            + "tried again every sweep): %s: %s", statement, e.toString());
                }
            }
        }
    }

    private void update(String sql, Timestamp now) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setTimestamp(1, now);
            update.executeUpdate();
        }
    }

    private static String setAside(String table, String person, String key) {
        return "UPDATE " + table + " SET next_attempt_at = 'infinity' WHERE (" + key + ") IN (SELECT " + key + " FROM " + table
                + " t WHERE t.status = 'pending' AND t.next_attempt_at <= ? AND NOT " + CONNECTED.formatted(person)
                + " FOR UPDATE SKIP LOCKED)";
    }

    private static String bringBack(String table, String person, String key) {
        return "UPDATE " + table + " SET next_attempt_at = ? WHERE (" + key + ") IN (SELECT " + key + " FROM " + table
                + " t WHERE t.status = 'pending' AND t.next_attempt_at = 'infinity' AND " + CONNECTED.formatted(person)
                + " FOR UPDATE SKIP LOCKED)";
    }
}
