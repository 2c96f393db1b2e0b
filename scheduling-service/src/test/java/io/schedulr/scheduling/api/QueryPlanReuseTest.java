package io.schedulr.scheduling.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request must reuse the query plans of the statements it runs. A native query that returns rows ({@code UPDATE
 * … RETURNING}, mapped to the entity or not) gets a new plan-cache key per execution in Hibernate 7.2, all with the
 * same hash: the cache then grows by one entry per booking until its limit, and every lookup walks the whole bucket — found
 * by the benchmark (issue 6) as ~18 % of scheduling-service's CPU.
 */
@QuarkusTest
class QueryPlanReuseTest {
    @Inject
    Mutiny.SessionFactory sessionFactory;

    @Test
    void theWholeApiDoesNotAddQueryPlansOnceEachStatementRanOnce() throws Exception {
        TestUser host = Tokens.newUser("Plan Host", "UTC");
        useEveryWrite(host, 1);
        int before = cachedPlans();

        for (int i = 0; i < 20; i++) {
            useEveryWrite(host, 2 + i);
        }

        assertThat(cachedPlans()).as("cached query plans after 20 more rounds of every write and listing")
                .isLessThanOrEqualTo(before + 2);
    }

    /** Create, book, reschedule, list, delete a room; publish, list, book, cancel a slot. */
    private static void useEveryWrite(TestUser host, int days) {
        TestUser guest = Tokens.newUser("Plan Guest " + days, "UTC");
        String room = RoomApi.createRoom(host, days);
        RoomApi.book(guest, room).statusCode(200);
        RoomApi.update(host, Map.of("roomId", room, "datetimeUtc", RoomApi.inDays(days + 30).toString())).statusCode(200);
        RoomApi.get(guest, "/api/practice-rooms?scope=open").statusCode(200);
        RoomApi.get(host, "/api/practice-rooms?scope=mine").statusCode(200);
        RoomApi.get(guest, "/api/practice-rooms/" + room).statusCode(200);
        RoomApi.delete(host, room).statusCode(204);

        Instant start = RoomApi.inDays(100 + days).truncatedTo(ChronoUnit.HOURS);
        String slot = given().header("Authorization", host.bearer()).contentType(ContentType.JSON)
                .body("{\"startTs\":\"" + start + "\",\"endTs\":\"" + start.plus(1, ChronoUnit.HOURS) + "\"}")
                .post("/api/slots").then().statusCode(201).extract().path("[0].id");
        given().header("Authorization", guest.bearer()).get("/api/slots?status=open").then().statusCode(200);
        given().header("Authorization", host.bearer()).get("/api/slots?mine=true").then().statusCode(200);
        given().header("Authorization", guest.bearer()).post("/api/slots/" + slot + "/book").then().statusCode(200);
        given().header("Authorization", host.bearer()).delete("/api/slots/" + slot).then().statusCode(200);
    }

    private int cachedPlans() throws ReflectiveOperationException {
        return QueryPlans.cached(sessionFactory);
    }
}
