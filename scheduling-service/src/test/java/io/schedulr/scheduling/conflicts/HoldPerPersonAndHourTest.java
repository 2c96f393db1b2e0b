package io.schedulr.scheduling.conflicts;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.scheduling.api.RoomApi;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import io.schedulr.testsupport.infra.InfraEndpoints;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clash check's hold is per person and clock hour: while another check holds the host for one hour, a booking of the
 * host's room in that hour waits for it, and a booking of the host's room at another hour goes through at once (a host
 * booked by many guests is not a queue).
 */
@QuarkusTest
class HoldPerPersonAndHourTest {

    @Test
    void aBookingWaitsForAHoldOnItsHourAndNotForOneOnAnotherHour() throws Exception {
        Instant held = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        TestUser host = Tokens.newUser("Held Host", "UTC");
        String inTheHeldHour = RoomApi.create(host, Map.of("datetimeUtc", held.plus(15, ChronoUnit.MINUTES).toString()))
                .statusCode(201).extract().path("id");
        String threeHoursLater = RoomApi.create(host, Map.of("datetimeUtc", held.plus(3, ChronoUnit.HOURS).toString()))
                .statusCode(201).extract().path("id");
        TestUser first = Tokens.newUser("First Guest", "UTC");
        TestUser second = Tokens.newUser("Second Guest", "UTC");

        InfraEndpoints e = TestInfra.get();
        try (Connection other = DriverManager.getConnection(e.jdbcUrl("scheduling"), e.postgresUser(), e.postgresPassword())) {
            other.setAutoCommit(false);
            holdAsAnotherCheckWould(other, host.email(), held);

            CompletableFuture<Integer> otherHour = CompletableFuture.supplyAsync(
                    () -> RoomApi.book(first, threeHoursLater).extract().statusCode());
            assertThat(otherHour.get(20, TimeUnit.SECONDS)).as("the booking three hours later, while the other check holds the host")
                    .isEqualTo(200);
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(
                    () -> RoomApi.book(second, inTheHeldHour).extract().statusCode());
            Thread.sleep(1500);
            assertThat(waiting).as("the booking in the held hour, while the other check holds the host").isNotDone();

            other.commit();
            assertThat(waiting.get(30, TimeUnit.SECONDS)).as("the same booking once the hold is gone").isEqualTo(200);
        }
    }

    /** The lock the clash check takes for a person and a clock hour: their lower-cased address and the hour since the epoch. */
    private static void holdAsAnotherCheckWould(Connection connection, String email, Instant hour) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtextextended('schedulr-person:' || ? || ':' || ?, 0))")) {
            lock.setString(1, email.toLowerCase(Locale.ROOT));
            lock.setLong(2, hour.toEpochMilli() / 3_600_000L);
            lock.executeQuery().close();
        }
    }
}
