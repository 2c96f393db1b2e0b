package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.schedulr.scheduling.adapter.out.SessionConnection;
import io.schedulr.scheduling.application.port.out.LoadCalendarConnectionPort;
import io.schedulr.scheduling.application.port.out.SaveCalendarConnectionPort;
import io.schedulr.scheduling.domain.CalendarConnection;
import io.schedulr.scheduling.domain.CalendarConnectionStatus;
import io.schedulr.scheduling.domain.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * calendar_connections: the calendar gate's key lookup and the consumer's conditional upsert, both in the use case's
 * session. The lookup is a load by id (no query plan) of a detached entity, so the write's later flushes have nothing
 * more to dirty-check.
 */
@ApplicationScoped
public class PanacheCalendarConnectionStore implements LoadCalendarConnectionPort, SaveCalendarConnectionPort {

    @Override
    public Uni<Optional<CalendarConnection>> load(String userId) {
        return Panache.getSession().chain(s -> s.find(CalendarConnectionEntity.class, userId).map(e -> {
            if (e == null) {
                return Optional.<CalendarConnection>empty();
            }
            s.detach(e);
            return Optional.of(toDomain(e));
        }));
    }

    /** One multi-load by id (one statement, no query plan to translate), detached like {@link #load}. */
    @Override
    public Uni<Map<String, CalendarConnection>> loadAll(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.find(CalendarConnectionEntity.class, userIds.stream().distinct().toArray()).map(found -> {
            Map<String, CalendarConnection> known = new HashMap<>();
            for (CalendarConnectionEntity e : found) {
                if (e != null) {
                    s.detach(e);
                    known.put(e.userId, toDomain(e));
                }
            }
            return known;
        }));
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

    private static CalendarConnection toDomain(CalendarConnectionEntity e) {
        return new CalendarConnection(e.userId, CalendarConnectionStatus.valueOf(e.status.toUpperCase(Locale.ROOT)), e.reason, e.calendarId,
                e.changedAt);
    }
}
