package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.scheduling.adapter.out.SessionConnection;
import io.schedulr.scheduling.domain.TimeWindow;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.infra.InfraEndpoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookups of a booking's people that the service runs as cached statements — their profiles, their calendar
 * connections and the clash check's hold — are planned once by PostgreSQL and then reused, as every other statement of the
 * booking is. Run as PostgreSQL runs them for the service (a prepared statement, executed again and again) on copies of the
 * tables with a realistic number of people, so the planner weighs a plan made once against one made for the values the
 * way it does in production. The {@code = ANY} of an array the lookups used before is the control: PostgreSQL planned it
 * again on every call (docs/performance.md).
 */
@QuarkusTest
class BookingStatementsKeepTheirPlansTest {
    private static final int EXECUTIONS = 10;
    private Connection db;

    @BeforeEach
    void copiesOfThePeopleTablesWithManyPeople() throws SQLException {
        InfraEndpoints e = TestInfra.get();
        db = DriverManager.getConnection(e.jdbcUrl("scheduling"), e.postgresUser(), e.postgresPassword());
        try (Statement s = db.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS plan_check CASCADE");
            s.execute("CREATE SCHEMA plan_check");
            s.execute("CREATE TABLE plan_check.users (LIKE public.users INCLUDING ALL)");
            s.execute("CREATE TABLE plan_check.calendar_connections (LIKE public.calendar_connections INCLUDING ALL)");
            s.execute("INSERT INTO plan_check.users (id, email, display_name, time_zone) "
                    + "SELECT 'u' || g, 'u' || g || '@plan.example', 'Person ' || g, 'UTC' FROM generate_series(1, 20000) g");
            s.execute("INSERT INTO plan_check.calendar_connections (user_id, status, calendar_id, changed_at) "
                    + "SELECT id, 'connected', 'c-' || id, now() FROM plan_check.users");
            s.execute("ANALYZE plan_check.users");
            s.execute("ANALYZE plan_check.calendar_connections");
            s.execute("SET search_path = plan_check");
        }
    }

    @AfterEach
    void dropTheCopies() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("DROP SCHEMA plan_check CASCADE");
        } finally {
            db.close();
        }
    }

    @Test
    void theProfilesConnectionsAndHoldOfABookingsTwoPeopleArePlannedOnce() throws SQLException {
        assertThat(genericPlansOf("profiles", SqlUserDirectory.profilesOf(2), "'u1', 'u2'")).as("profiles of host and guest")
                .isPositive();
        assertThat(genericPlansOf("connections", SqlCalendarConnectionStore.connectionsOf(2), "'u1', 'u2'"))
                .as("calendar connections of host and guest").isPositive();

        Instant start = Instant.parse("2031-03-03T10:30:00Z");
        SqlBookedTimes.Statement hold = SqlBookedTimes.holdOfPeople(List.of("u1", "u2"),
                TimeWindow.starting(start, Duration.ofHours(1)));
        assertThat(hold.parameters()).as("the first hour, then the people").containsExactly(start.toEpochMilli() / 3_600_000L, "u1", "u2");
        assertThat(genericPlansOf("hold", hold.sql(), start.toEpochMilli() / 3_600_000L + ", 'u1', 'u2'"))
                .as("the clash check's hold of host and guest over two clock hours").isPositive();
    }

    @Test
    void theArrayFormTheyReplacedWasPlannedOnEveryCall() throws SQLException {
        assertThat(genericPlansOf("profiles_any", "SELECT id, email, display_name, time_zone FROM users WHERE id = ANY (CAST($1 AS text[]))",
                "ARRAY['u1', 'u2']")).isZero();
    }

    @Test
    void aLookupOfMorePeopleThanAreListedGoesAsOneArray() throws SQLException {
        List<String> nine = IntStream.rangeClosed(1, 9).mapToObj(i -> "u" + i).toList();
        Object[] values = SessionConnection.isInValues(nine);
        assertThat(values).hasSize(1);
        try (PreparedStatement lookup = db.prepareStatement(SqlUserDirectory.profilesOf(9).replace("$1", "?"))) {
            lookup.setArray(1, db.createArrayOf("text", (String[]) values[0]));
            int found = 0;
            try (ResultSet rs = lookup.executeQuery()) {
                while (rs.next()) {
                    found++;
                }
            }
            assertThat(found).as("profiles of nine people").isEqualTo(9);
        }
    }

    @Test
    void theHoldLocksEachPersonForEveryClockHourTheWindowTouches() throws SQLException {
        Instant halfPast = Instant.parse("2031-03-03T10:30:00Z");
        assertThat(locksTakenBy(SqlBookedTimes.holdOfPeople(List.of("u1", "u2"), TimeWindow.starting(halfPast, Duration.ofHours(1)))))
                .as("two people, an hour from half past: two clock hours each").isEqualTo(4);
        Instant onTheHour = Instant.parse("2031-03-03T00:00:00Z");
        SqlBookedTimes.Statement longHold = SqlBookedTimes.holdOfPeople(List.of("u1"), TimeWindow.starting(onTheHour, Duration.ofHours(30)));
        assertThat(longHold.parameters()).as("past 24 hours the series' end is a parameter")
                .containsExactly(onTheHour.toEpochMilli() / 3_600_000L, "u1", 29L);
        assertThat(locksTakenBy(longHold)).as("one person over 30 clock hours").isEqualTo(30);
    }

    /** Runs the hold with its own parameters in a transaction and counts the advisory locks it took. */
    private int locksTakenBy(SqlBookedTimes.Statement hold) throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement run = db.prepareStatement(hold.sql().replaceAll("\\$\\d+", "?"))) {
            for (int i = 0; i < hold.parameters().length; i++) {
                run.setObject(i + 1, hold.parameters()[i]);
            }
            run.executeQuery().close();
            try (Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")) {
                rs.next();
                return rs.getInt(1);
            }
        } finally {
            db.rollback();
            db.setAutoCommit(true);
        }
    }

    /** Prepares {@code sql}, executes it {@link #EXECUTIONS} times with {@code values}, and answers how often a generic plan was used. */
    private int genericPlansOf(String name, String sql, String values) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("PREPARE " + name + " AS " + sql);
            for (int i = 0; i < EXECUTIONS; i++) {
                s.execute("EXECUTE " + name + "(" + values + ")");
            }
            try (ResultSet rs = s.executeQuery("SELECT generic_plans FROM pg_prepared_statements WHERE name = '" + name + "'")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
