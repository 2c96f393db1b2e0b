package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.schedulr.scheduling.application.port.out.FindBookingsPort;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.TimeWindow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A read across two aggregates (rooms and interviews), so one native statement in the use case's session rather than a
 * repository of either: one statement per check (after the hold), whatever the number of people. Rooms use the host and guest indexes,
 * interviews the status/start index; a team member is matched to the people by their sign-in address.
 *
 * <p>A hold is a PostgreSQL advisory lock per person on their lower-cased sign-in address, taken in address order (so two
 * holds never wait for each other in a circle) and kept until the use case's transaction ends.
 */
@ApplicationScoped
public class SqlBookedTimes implements FindBookingsPort {
    private static final UUID NO_ROOM = new UUID(0, 0);

    private static final String INTERVIEWS_OF_ADDRESSES = "SELECT i.start_at, i.end_at FROM interview i JOIN team_member t "
            + "ON t.id = i.primary_member_id OR CAST(i.additional_member_ids AS jsonb) @> jsonb_build_array(CAST(t.id AS text)) "
            + "WHERE lower(t.email) IN (:emails) AND i.status IN ('scheduled', 'confirmed') AND i.start_at < :end AND i.end_at > :start";

    /** In address order (a sorted subquery feeds the aggregate), so two checks never wait for each other in a circle. */
    private static final String LOCK_PEOPLE = "SELECT count(pg_advisory_xact_lock(hashtext('schedulr-person:' || a.address))) "
            + "FROM (SELECT DISTINCT lower(email) AS address FROM users WHERE id IN (:people) ORDER BY 1) a";
    private static final String LOCK_ADDRESSES = "SELECT count(pg_advisory_xact_lock(hashtext('schedulr-person:' || a.address))) "
            + "FROM (SELECT DISTINCT lower(x) AS address FROM unnest(CAST(:addresses AS text[])) AS x ORDER BY 1) a";

    @Override
    public Uni<Void> holdPeople(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(LOCK_PEOPLE, Long.class).setParameter("people", List.copyOf(userIds))
                .getSingleResult()).replaceWithVoid();
    }

    @Override
    public Uni<Void> holdAddresses(Collection<String> emails) {
        if (emails.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(LOCK_ADDRESSES, Long.class)
                .setParameter("addresses", emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new))
                .getSingleResult()).replaceWithVoid();
    }

    @Override
    public Uni<List<TimeWindow>> bookedTimes(Collection<String> userIds, TimeWindow window, RoomId except) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String sql = "SELECT datetime_utc, ends_at FROM practice_rooms WHERE guest_id IS NOT NULL AND (host_id IN (:people) OR guest_id IN (:people)) "
                + "AND id <> :except AND datetime_utc < :end AND ends_at > :start "
                + "UNION ALL " + INTERVIEWS_OF_ADDRESSES.replace("lower(t.email) IN (:emails)",
                "lower(t.email) IN (SELECT lower(u.email) FROM users u WHERE u.id IN (:people))");
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter("people", List.copyOf(userIds))
                        .setParameter("except", except == null ? NO_ROOM : except.value())
                        .setParameter("start", window.start())
                        .setParameter("end", window.end())
                        .getResultList())
                .map(SqlBookedTimes::windows);
    }

    @Override
    public Uni<List<TimeWindow>> bookedTimesOfAddresses(Collection<String> emails, TimeWindow window) {
        if (emails.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String sql = "SELECT r.datetime_utc, r.ends_at FROM practice_rooms r JOIN users u ON u.id = r.host_id OR u.id = r.guest_id "
                + "WHERE r.guest_id IS NOT NULL AND lower(u.email) IN (:emails) AND r.datetime_utc < :end AND r.ends_at > :start "
                + "UNION ALL " + INTERVIEWS_OF_ADDRESSES;
        List<String> addresses = emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).distinct().toList();
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter("emails", addresses)
                        .setParameter("start", window.start())
                        .setParameter("end", window.end())
                        .getResultList())
                .map(SqlBookedTimes::windows);
    }

    private static List<TimeWindow> windows(List<Object[]> rows) {
        return rows.stream().map(row -> new TimeWindow(instant(row[0]), instant(row[1]))).toList();
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
