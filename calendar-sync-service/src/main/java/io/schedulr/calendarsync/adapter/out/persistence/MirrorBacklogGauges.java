package io.schedulr.calendarsync.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calendar sync lag as an operator watches it ({@code /q/metrics}, docs/operations.md "Metrics"):
 * <ul>
 * <li>{@code schedulr_calendar_sync_pending{kind="room"|"interview"}}: changes waiting to be written to Google (room
 * jobs of hosts whose calendar is connected; interview entries of team members whose calendar is connected);</li>
 * <li>{@code schedulr_calendar_sync_oldest_pending_age_seconds{kind}}: how long the oldest of them has waited (0 when
 * none waits) — how far behind the calendars are.</li>
 * </ul>
 * Read every {@code schedulr.metrics.calendar-sync-refresh} by a timer, never by a scrape; NaN while the database cannot
 * be read.
 */
@ApplicationScoped
public class MirrorBacklogGauges {
    private static final Logger LOG = Logger.getLogger(MirrorBacklogGauges.class);
    private static final Map<String, String> FIGURES = Map.of(
            "room", "SELECT count(*), extract(epoch FROM clock_timestamp() - min(j.created_at))::float8 FROM mirror_job j "
                    + "WHERE j.status = 'pending' AND EXISTS (SELECT 1 FROM calendar_connection c "
                    + "WHERE c.google_account_id = j.host_id AND c.status = 'connected')",
            // As the worker's claim (JdbcInterviewMirrors.lockNextDue): entries of members not connected wait for them by design.
            "interview", "SELECT count(*), extract(epoch FROM clock_timestamp() - min(e.updated_at))::float8 FROM interview_mirror_entry e "
                    + "WHERE e.status = 'pending' AND EXISTS (SELECT 1 FROM calendar_connection c "
                    + "WHERE c.google_account_id = e.member_id AND c.status = 'connected')");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;

    private final Map<String, double[]> figures = new ConcurrentHashMap<>();
    private volatile boolean failing;

    void start(@Observes StartupEvent event) {
        for (String kind : FIGURES.keySet()) {
            figures.put(kind, new double[]{Double.NaN, Double.NaN});
            Gauge.builder("schedulr.calendar.sync.pending", figures, f -> f.get(kind)[0]).tag("kind", kind)
                    .description("Changes waiting to be written to Google calendars, by kind").register(registry);
            Gauge.builder("schedulr.calendar.sync.oldest.pending.age", figures, f -> f.get(kind)[1]).tag("kind", kind).baseUnit("seconds")
                    .description("How long the oldest change waiting for Google has waited (0 when none waits)").register(registry);
        }
    }

    @Scheduled(every = "${schedulr.metrics.calendar-sync-refresh:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<String, String> kind : FIGURES.entrySet()) {
                try (PreparedStatement query = c.prepareStatement(kind.getValue()); ResultSet rs = query.executeQuery()) {
                    rs.next();
                    double age = rs.getDouble(2);
                    figures.put(kind.getKey(), new double[]{rs.getLong(1), rs.wasNull() ? 0 : age});
                }
            }
            if (failing) {
                LOG.info("calendar sync gauges read the database again");
            }
            failing = false;
        } catch (Exception e) {
            figures.replaceAll((kind, old) -> new double[]{Double.NaN, Double.NaN});
            if (!failing) {
                LOG.warnf("calendar sync gauges could not read the database (NaN until they can): %s", e.toString());
            }
            failing = true;
        }
    }
}
