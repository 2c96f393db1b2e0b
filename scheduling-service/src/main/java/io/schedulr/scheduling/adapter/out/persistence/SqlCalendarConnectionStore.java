package io.schedulr.scheduling.adapter.out.persistence;

import io.schedulr.scheduling.adapter.out.SessionConnection;
import io.schedulr.scheduling.application.port.out.LoadCalendarConnectionPort;
import io.schedulr.scheduling.application.port.out.SaveCalendarConnectionPort;
import io.schedulr.scheduling.domain.CalendarConnection;
import io.schedulr.scheduling.domain.CalendarConnectionStatus;
import io.schedulr.scheduling.domain.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * calendar_connections, a copy of what calendar-sync-service announces, in plain SQL on the use case's session connection
 * ({@link SessionConnection}): the calendar gate's and the clash check's key lookups and the consumer's conditional upsert.
 * No entity: nothing here is changed through the session, so a lookup leaves nothing for the use case's flushes to check.
 */
@ApplicationScoped
public class SqlCalendarConnectionStore implements LoadCalendarConnectionPort, SaveCalendarConnectionPort {
    private static final String COLUMNS = "SELECT user_id, status, reason, calendar_id, changed_at FROM calendar_connections ";

    @Override
    public Uni<Optional<CalendarConnection>> load(String userId) {
        return SessionConnection.select(COLUMNS + "WHERE user_id = $1", userId)
                .map(rows -> rows.stream().findFirst().map(SqlCalendarConnectionStore::toDomain));
    }

    /** One statement for all the people. */
    @Override
    public Uni<Map<String, CalendarConnection>> loadAll(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> distinct = userIds.stream().distinct().toList();
        return SessionConnection.select(connectionsOf(distinct.size()), SessionConnection.isInValues(distinct))
                .map(rows -> {
                    Map<String, CalendarConnection> known = new HashMap<>();
                    for (Object[] row : rows) {
                        CalendarConnection c = toDomain(row);
                        known.put(c.userId(), c);
                    }
                    return known;
                });
    }

    static String connectionsOf(int people) {
        return COLUMNS + "WHERE " + SessionConnection.isIn("user_id", 1, people);
    }

    /** One statement: the WHERE of ON CONFLICT keeps a newer stored state (PostgreSQL locks the row, so racing saves serialise). */
    @Override
    public Uni<Boolean> saveUnlessOlder(CalendarConnection c) {
        return SessionConnection.update("INSERT INTO calendar_connections (user_id, status, reason, calendar_id, changed_at) "
                                + "VALUES ($1, $2, $3, $4, $5) "
                                + "ON CONFLICT (user_id) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason, "
                                + "calendar_id = EXCLUDED.calendar_id, changed_at = EXCLUDED.changed_at, updated_at = now() "
                                + "WHERE calendar_connections.changed_at <= EXCLUDED.changed_at",
                        c.userId(), c.status().name().toLowerCase(Locale.ROOT), c.reason(), c.calendarId(), SessionConnection.at(c.changedAt()))
                .map(rows -> rows > 0)
                .onFailure(SqlStates::isDataRefusal).transform(e -> new InvalidRequestException("invalid_calendar_connection",
                        "The database refused the connection state of " + c.userId() + ": " + e.getMessage()));
    }

    private static CalendarConnection toDomain(Object[] row) {
        return new CalendarConnection((String) row[0], CalendarConnectionStatus.valueOf(((String) row[1]).toUpperCase(Locale.ROOT)),
                (String) row[2], (String) row[3], ((OffsetDateTime) row[4]).toInstant());
    }
}
