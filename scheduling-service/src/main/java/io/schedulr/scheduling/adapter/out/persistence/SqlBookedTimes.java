package io.schedulr.scheduling.adapter.out.persistence;

import io.schedulr.scheduling.adapter.out.SessionConnection;
import io.schedulr.scheduling.application.port.out.FindBookingsPort;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.TimeWindow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A read across two aggregates (rooms and interviews), so one plain statement on the use case's session connection
 * ({@link SessionConnection}) rather than a repository of either: one statement per check (after the hold), whatever the
 * number of people. Rooms use the host and guest indexes, interviews the status/start index; a team member is matched to
 * the people by their sign-in address.
 *
 * <p>A hold is a set of PostgreSQL advisory transaction locks, one per person and clock hour the window touches (keyed by
 * their lower-cased sign-in address and the hour since the epoch): two overlapping windows share an instant, so they
 * share that instant's hour, and their holds meet; windows of one person at other hours do not wait for each other (a
 * host whose rooms are booked by many guests at once is not a queue). The locks are taken in the order of their keys, so
 * two holds never wait for each other in a circle, and kept until the use case's transaction ends.
 */
@ApplicationScoped
public class SqlBookedTimes implements FindBookingsPort {
    /** Left out when nothing is: no room or interview has this id. */
    private static final UUID NOTHING_LEFT_OUT = new UUID(0, 0);

    /**
     * Interviews of the team members {@code memberCondition} names (on {@code t}) that overlap the window {@code [from, until)};
     * not one whose host asked on Cal.com for another time (its time is given up there, and free again).
     */
    private static String interviewsOf(String memberCondition, String from, String until) {
        return interviewsOf("", memberCondition, from, until);
    }

    /** The same, each time after the columns {@code before} (ending with a comma, or empty). */
    private static String interviewsOf(String before, String memberCondition, String from, String until) {
        return "SELECT " + before + "i.start_at, i.end_at FROM interview i JOIN team_member t "
                + "ON t.id = i.primary_member_id OR CAST(i.additional_member_ids AS jsonb) @> jsonb_build_array(CAST(t.id AS text)) "
                + "WHERE " + memberCondition + " AND i.status IN ('scheduled', 'confirmed') AND NOT i.awaiting_new_time"
                + " AND i.start_at < " + until + " AND i.end_at > " + from;
    }

    private static final long HOUR_MILLIS = 3_600_000L;
    /**
     * The keys sorted (a sorted subquery feeds the aggregate): two holds never wait for each other in a circle. {@code $1} is
     * the first hour; the people from {@code $2}. The hours are a series of literal length, so PostgreSQL can plan the
     * statement once for every window of that many hours: with the series' end as a parameter it guessed a thousand rows for a
     * plan made once, and so planned the statement again on every call (0.17 ms; docs/performance.md).
     */
    private static final String HOLD = "SELECT count(pg_advisory_xact_lock(k.key)) FROM (SELECT DISTINCT "
            + "hashtextextended('schedulr-person:' || p.address || ':' || (CAST($1 AS bigint) + h.n), 0) AS key FROM (%s) p "
            + "CROSS JOIN generate_series(0, %s) AS h(n) ORDER BY 1) k";
    /** Windows over more hours than this (none a room or interview has in practice) give the series' end as a parameter. */
    private static final long HOURS_WRITTEN_OUT = 24;
    private static final String ADDRESSES = "SELECT lower(x) AS address FROM unnest(CAST($2 AS text[])) AS x";

    /** The hold, then the read: two statements, as the read must see what a holder that went first committed. */
    @Override
    public Uni<List<TimeWindow>> heldBookedTimes(Collection<String> userIds, TimeWindow window, RoomId except) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Statement hold = holdOfPeople(userIds.stream().distinct().toList(), window);
        return SessionConnection.update(hold.sql(), hold.parameters()).chain(() -> bookedTimes(userIds, window, except));
    }

    @Override
    public Uni<Void> holdAddresses(Collection<String> emails, TimeWindow window) {
        if (emails.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Statement hold = hold(ADDRESSES, new Object[]{emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new)},
                window);
        return SessionConnection.update(hold.sql(), hold.parameters()).replaceWithVoid();
    }

    record Statement(String sql, Object[] parameters) {
    }

    static Statement holdOfPeople(List<String> distinctUserIds, TimeWindow window) {
        return hold("SELECT lower(email) AS address FROM users WHERE " + SessionConnection.isIn("id", 2, distinctUserIds.size()),
                SessionConnection.isInValues(distinctUserIds), window);
    }

    /**
     * Locks the keys of the people ({@code people}, a query of their addresses, with {@code values} from {@code $2}) for the
     * clock hours (since the epoch) the window touches: its start's to its last instant's.
     */
    private static Statement hold(String people, Object[] values, TimeWindow window) {
        long first = Math.floorDiv(window.start().toEpochMilli(), HOUR_MILLIS);
        long more = Math.floorDiv(window.end().toEpochMilli() - 1, HOUR_MILLIS) - first;
        Object[] parameters = new Object[values.length + (more > HOURS_WRITTEN_OUT ? 2 : 1)];
        parameters[0] = first;
        System.arraycopy(values, 0, parameters, 1, values.length);
        String end = String.valueOf(more);
        if (more > HOURS_WRITTEN_OUT) {
            parameters[parameters.length - 1] = more;
            end = "CAST($" + parameters.length + " AS bigint)";
        }
        return new Statement(HOLD.formatted(people, end), parameters);
    }

    @Override
    public Uni<List<TimeWindow>> bookedTimes(Collection<String> userIds, TimeWindow window, RoomId except) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> people = List.copyOf(new java.util.LinkedHashSet<>(userIds));
        // One equality per person and role, not "= ANY (…)": a GiST index takes "=" as an index condition, not "= ANY".
        // Parameters: $1 the room left out, $2 and $3 the window, $4… each person.
        StringBuilder whose = new StringBuilder();
        StringBuilder listed = new StringBuilder();
        Object[] parameters = new Object[3 + people.size()];
        parameters[0] = except == null ? NOTHING_LEFT_OUT : except.value();
        parameters[1] = SessionConnection.at(window.start());
        parameters[2] = SessionConnection.at(window.end());
        for (int i = 0; i < people.size(); i++) {
            int p = 4 + i;
            whose.append(i == 0 ? "" : " OR ").append("host_id = $").append(p).append(" OR guest_id = $").append(p);
            listed.append(i == 0 ? "$" : ", $").append(p);
            parameters[3 + i] = people.get(i);
        }
        String sql = "SELECT datetime_utc, ends_at FROM practice_rooms WHERE guest_id IS NOT NULL AND (" + whose + ") "
                + "AND tstzrange(datetime_utc, ends_at) && tstzrange(CAST($2 AS timestamptz), CAST($3 AS timestamptz)) AND id <> $1 "
                + "UNION ALL " + interviewsOf("lower(t.email) IN (SELECT lower(u.email) FROM users u WHERE u.id IN (" + listed + "))", "$2", "$3");
        return SessionConnection.select(sql, parameters).map(SqlBookedTimes::windows);
    }

    @Override
    public Uni<List<TimeWindow>> bookedTimesOfAddresses(Collection<String> emails, TimeWindow window, UUID exceptInterview) {
        if (emails.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // $1 and $2 the window, the addresses from $3, the interview left out last.
        List<String> addresses = emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).distinct().toList();
        Object[] parameters = windowAndAddresses(window, addresses, 1);
        String sql = ofAddresses(false, addresses.size()) + " AND i.id <> $" + parameters.length;
        parameters[parameters.length - 1] = exceptInterview == null ? NOTHING_LEFT_OUT : exceptInterview;
        return SessionConnection.select(sql, parameters)
                .map(SqlBookedTimes::windows);
    }

    @Override
    public Uni<Map<String, List<TimeWindow>>> bookedTimesByAddress(Collection<String> emails, TimeWindow window) {
        if (emails.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> addresses = emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).distinct().toList();
        return SessionConnection.select(ofAddresses(true, addresses.size()) + " ORDER BY 2, 3", windowAndAddresses(window, addresses, 0))
                .map(rows -> {
                    Map<String, List<TimeWindow>> byAddress = new LinkedHashMap<>();
                    rows.forEach(row -> byAddress.computeIfAbsent((String) row[0], a -> new ArrayList<>())
                            .add(new TimeWindow(instant(row[1]), instant(row[2]))));
                    return byAddress;
                });
    }

    /**
     * The booked rooms and interviews of the people with the addresses from {@code $3} that overlap the window {@code [$1, $2)},
     * each after its person's address when {@code withAddress}.
     */
    private static String ofAddresses(boolean withAddress, int addresses) {
        return "SELECT " + (withAddress ? "lower(u.email), " : "") + "r.datetime_utc, r.ends_at FROM practice_rooms r "
                + "JOIN users u ON u.id = r.host_id OR u.id = r.guest_id "
                + "WHERE r.guest_id IS NOT NULL AND " + SessionConnection.isIn("lower(u.email)", 3, addresses)
                + " AND r.datetime_utc < $2 AND r.ends_at > $1 "
                + "UNION ALL " + interviewsOf(withAddress ? "lower(t.email), " : "", SessionConnection.isIn("lower(t.email)", 3, addresses), "$1", "$2");
    }

    /** The window as {@code $1} and {@code $2}, the addresses from {@code $3}, and {@code more} parameters left for the caller. */
    private static Object[] windowAndAddresses(TimeWindow window, List<String> addresses, int more) {
        Object[] listed = SessionConnection.isInValues(addresses);
        Object[] parameters = new Object[2 + listed.length + more];
        parameters[0] = SessionConnection.at(window.start());
        parameters[1] = SessionConnection.at(window.end());
        System.arraycopy(listed, 0, parameters, 2, listed.length);
        return parameters;
    }

    private static List<TimeWindow> windows(List<Object[]> rows) {
        return rows.stream().map(row -> new TimeWindow(instant(row[0]), instant(row[1]))).toList();
    }

    /** A {@code timestamptz} as the PostgreSQL client returns it. */
    private static java.time.Instant instant(Object value) {
        return ((OffsetDateTime) value).toInstant();
    }
}
