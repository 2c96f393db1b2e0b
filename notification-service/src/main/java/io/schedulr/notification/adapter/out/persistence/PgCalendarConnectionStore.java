package io.schedulr.notification.adapter.out.persistence;

import io.schedulr.notification.application.port.out.RecordCalendarConnectionPort;
import io.schedulr.notification.domain.CalendarConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import static io.schedulr.notification.adapter.out.persistence.SqlValues.ts;

/** calendar_connections: one row per person, replaced only by a change that happened later. */
@ApplicationScoped
public class PgCalendarConnectionStore implements RecordCalendarConnectionPort {
    private final Pool pool;

    public PgCalendarConnectionStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Boolean> recordIfNewer(CalendarConnection connection) {
        return pool.preparedQuery("""
                        INSERT INTO calendar_connections (user_id, connected, status, changed_at) VALUES ($1, $2, $3, $4)
                        ON CONFLICT (user_id) DO UPDATE SET connected = EXCLUDED.connected, status = EXCLUDED.status,
                            changed_at = EXCLUDED.changed_at, recorded_at = now()
                        WHERE calendar_connections.changed_at < EXCLUDED.changed_at""")
                .execute(Tuple.of(connection.userId(), connection.connected(), connection.status(), ts(connection.changedAt())))
                .map(rows -> rows.rowCount() == 1);
    }
}
