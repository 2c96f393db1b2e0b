package io.schedulr.scheduling.slots;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.scheduling.api.Db;
import io.schedulr.scheduling.api.RoomEvents;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import io.schedulr.testsupport.infra.InfraEndpoints;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class SlotPublishingTest {

    @Test
    void publishesAWeekInOneRequestToTheDatabaseOnly() {
        TestUser host = Tokens.newUser("Avail Host", "Europe/Berlin");
        StringBuilder week = new StringBuilder("[");
        for (int day = 1; day <= 7; day++) {
            week.append(day > 1 ? "," : "").append(SlotApi.window(SlotApi.at(day, 0), SlotApi.at(day, 1)));
        }
        try (RoomEvents events = new RoomEvents()) {
            SlotApi.publish(host, week.append("]").toString()).statusCode(201).body("$", hasSize(7))
                    .body("[0].status", equalTo("open")).body("[0].hostId", equalTo(host.id()));
            assertThat(events.collect(r -> r.value().contains(host.id()), Duration.ofSeconds(2))).isEmpty();
        }
        assertThat(Db.count("SELECT count(*) FROM slots WHERE host_id = ? AND status = 'open'", host.id())).isEqualTo(7);
        assertThat(Db.count("SELECT count(*) FROM practice_rooms WHERE host_id = ?", host.id())).isZero();
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE actor_id = ? AND action = 'slot.published'", host.id())).isEqualTo(7);
    }

    @Test
    void overlappingSlotsAreRefusedWith409AllOrNothing() {
        TestUser host = Tokens.newUser("Overlap Host", "UTC");
        SlotApi.publishOne(host, SlotApi.at(3, 0), SlotApi.at(3, 2));
        SlotApi.publish(host, SlotApi.window(SlotApi.at(3, 1), SlotApi.at(3, 3))).statusCode(409).body("code", equalTo("slot_overlaps"));
        SlotApi.publish(host, "[" + SlotApi.window(SlotApi.at(4, 0), SlotApi.at(4, 2)) + ","
                + SlotApi.window(SlotApi.at(4, 1), SlotApi.at(4, 3)) + "]").statusCode(409);
        assertThat(Db.count("SELECT count(*) FROM slots WHERE host_id = ?", host.id())).isEqualTo(1);
        // touching is not overlapping, and another host may use the same time
        SlotApi.publishOne(host, SlotApi.at(3, 2), SlotApi.at(3, 3));
        SlotApi.publishOne(Tokens.newUser("Other Host", "UTC"), SlotApi.at(3, 0), SlotApi.at(3, 2));
    }

    @Test
    void theDatabaseItselfRefusesOverlapsButNotAgainstCancelledSlots() throws SQLException {
        TestUser host = Tokens.newUser("Db Host", "UTC");
        String first = SlotApi.publishOne(host, SlotApi.at(5, 0), SlotApi.at(5, 2));
        InfraEndpoints e = TestInfra.get();
        try (Connection c = DriverManager.getConnection(e.jdbcUrl("scheduling"), e.postgresUser(), e.postgresPassword())) {
            assertThatThrownBy(() -> insert(c, host.id(), SlotApi.at(5, 1), SlotApi.at(5, 3)))
                    .isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState()).isEqualTo("23P01"));
            SlotApi.cancel(host, first).statusCode(200).body("status", equalTo("cancelled"));
            insert(c, host.id(), SlotApi.at(5, 1), SlotApi.at(5, 3));
        }
    }

    @Test
    void listingShowsOthersOpenFutureSlotsByStartWithFiltersAndPages() {
        TestUser host = Tokens.newUser("Listing Host", "UTC");
        TestUser viewer = Tokens.newUser("Listing Viewer", "UTC");
        String late = SlotApi.publishOne(host, SlotApi.at(40, 3), SlotApi.at(40, 4));
        String early = SlotApi.publishOne(host, SlotApi.at(40, 1), SlotApi.at(40, 2));
        String mine = SlotApi.publishOne(viewer, SlotApi.at(40, 0), SlotApi.at(40, 1));
        String from = SlotApi.at(40, 0).toString();
        String to = SlotApi.at(41, 0).toString();

        List<String> ids = SlotApi.list(viewer, "?status=open&from=" + from + "&to=" + to + "&limit=200").statusCode(200).extract().path("id");
        assertThat(ids).containsSubsequence(early, late).doesNotContain(mine);
        List<String> hosts = SlotApi.list(viewer, "?status=open&from=" + from + "&to=" + to + "&limit=200").extract()
                .path("findAll { it.id == '" + early + "' }.host.name");
        assertThat(hosts).as("whom a booking would meet").containsExactly("Listing Host");
        List<String> firstPage = SlotApi.list(viewer, "?status=open&from=" + from + "&to=" + to + "&limit=1").extract().path("id");
        List<String> secondPage = SlotApi.list(viewer, "?status=open&from=" + from + "&to=" + to + "&limit=1&offset=1").extract().path("id");
        assertThat(firstPage).hasSize(1);
        assertThat(secondPage).hasSize(1).doesNotContainAnyElementsOf(firstPage);

        SlotApi.list(viewer, "?mine=true").statusCode(200).body("id", org.hamcrest.Matchers.hasItem(mine));
    }

    @Test
    void aHostsOwnSlotsAreListedFromNowUnlessAnEarlierFromIsAsked() {
        TestUser host = Tokens.newUser("Months Of Slots", "UTC");
        String last = SlotApi.publishOne(host, SlotApi.at(2, 0), SlotApi.at(2, 1));
        String coming = SlotApi.publishOne(host, SlotApi.at(3, 0), SlotApi.at(3, 1));
        // A slot of last month (slots cannot be published in the past, so its time is set back in the table).
        Db.execute("UPDATE slots SET start_ts = now() - interval '30 days', end_ts = now() - interval '30 days' + interval '1 hour' "
                + "WHERE id = CAST(? AS uuid)", last);

        List<String> ids = SlotApi.list(host, "?mine=true&limit=1").statusCode(200).extract().path("id");
        assertThat(ids).as("the next one, not last month's").containsExactly(coming);
        List<String> all = SlotApi.list(host, "?mine=true&from=" + Instant.now().minus(Duration.ofDays(60))).statusCode(200)
                .extract().path("id");
        assertThat(all).containsExactly(last, coming);
    }

    @Test
    void badInputGetsClear4xx() {
        TestUser host = Tokens.newUser("Bad Input", "UTC");
        SlotApi.publish(host, SlotApi.window(SlotApi.at(2, 1), SlotApi.at(2, 0))).statusCode(400).body("code", equalTo("end_before_start"));
        SlotApi.publish(host, SlotApi.window(Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600)))
                .statusCode(400).body("code", equalTo("datetime_in_past"));
        SlotApi.publish(host, SlotApi.window(SlotApi.at(2, 0), SlotApi.at(2, 30))).statusCode(400).body("code", equalTo("invalid_slot_length"));
        SlotApi.publish(host, "[]").statusCode(400).body("code", equalTo("no_slots"));
        SlotApi.publish(host, "{oops").statusCode(400).body("code", equalTo("malformed_json"));
        SlotApi.publish(host, "[{\"startTs\": 5}]").statusCode(400).body("code", equalTo("invalid_field"));
        SlotApi.list(host, "?status=booked").statusCode(400).body("code", equalTo("invalid_status"));
        SlotApi.list(host, "?from=yesterday").statusCode(400).body("code", equalTo("invalid_datetime"));
        SlotApi.book(host, "nope").statusCode(400).body("code", equalTo("invalid_slot_id"));
        SlotApi.book(host, UUID.randomUUID().toString()).statusCode(404).body("code", equalTo("slot_not_found"));
        SlotApi.cancel(host, UUID.randomUUID().toString()).statusCode(404);
    }

    private static void insert(Connection c, String hostId, Instant start, Instant end) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO slots (id, host_id, start_ts, end_ts) VALUES (?, ?, ?, ?)")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, hostId);
            s.setTimestamp(3, Timestamp.from(start));
            s.setTimestamp(4, Timestamp.from(end));
            s.executeUpdate();
        }
    }
}
