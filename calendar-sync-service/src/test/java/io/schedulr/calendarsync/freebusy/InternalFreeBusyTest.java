package io.schedulr.calendarsync.freebusy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.schedulr.calendarsync.connection.LocalGoogleAccount;
import io.schedulr.calendarsync.mirror.MirrorFixturesAccess;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /internal/free-busy?person&start&end}: another service (scheduling-service's clash check) asks about a
 * person it names, with a service key in {@code X-Schedulr-Service-Key} (the test profile configures two:
 * {@value #KEY}, {@value #NEXT_KEY}). The answer is the person's own free/busy; without a valid key, whatever else the
 * request carries (a person's valid bearer token included), 401 before anything else is looked at.
 */
@QuarkusTest
public class InternalFreeBusyTest {
    public static final String INTERNAL_FREE_BUSY = "/internal/free-busy";
    public static final String HEADER = "X-Schedulr-Service-Key";
    /** The test profile's keys (application.properties, %test): made up, never a real secret. */
    public static final String KEY = "test-service-key-1";
    public static final String NEXT_KEY = "test-service-key-2";
    /** A day well ahead, and not FreeBusyTest's, so nothing else of the person's is on it. */
    private static final Instant DAY = LocalDate.now(ZoneOffset.UTC).plusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant();

    @Test
    void aConnectedPersonsBusyTimesAreAnsweredToAServiceWithTheKey() {
        TestUser host = Tokens.newUser("Hal Host", "Europe/Berlin");
        MirrorFixturesAccess.connectAndAwaitWatched(host);
        busy(host, DAY.plus(9, ChronoUnit.HOURS), DAY.plus(10, ChronoUnit.HOURS));

        Response answer = internal(KEY, host.id(), DAY, DAY.plus(1, ChronoUnit.DAYS));

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.jsonPath().getString("status")).isEqualTo("connected");
        assertThat(FreeBusyTest.intervals(answer)).containsExactly(
                List.of(DAY.plus(9, ChronoUnit.HOURS).toString(), DAY.plus(10, ChronoUnit.HOURS).toString()));
        assertThat(answer.asString()).as("times only").doesNotContain("Busy (made in Google)").doesNotContain(host.email());
    }

    @Test
    void theSecondConfiguredKeyOpensTooSoAKeyCanBeRotated() {
        TestUser host = Tokens.newUser("Rota Host", "UTC");
        MirrorFixturesAccess.connectAndAwaitWatched(host);
        Instant from = DAY.plus(1, ChronoUnit.DAYS);
        busy(host, from.plus(13, ChronoUnit.HOURS), from.plus(14, ChronoUnit.HOURS));

        Response first = internal(KEY, host.id(), from, from.plus(1, ChronoUnit.DAYS));
        Response second = internal(NEXT_KEY, host.id(), from, from.plus(1, ChronoUnit.DAYS));

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.asString()).isEqualTo(200);
        assertThat(FreeBusyTest.intervals(second)).hasSize(1).isEqualTo(FreeBusyTest.intervals(first));
    }

    @Test
    void aPersonNeverSeenIsNotConnected() {
        for (String person : List.of("never-seen-" + UUID.randomUUID(), "1".repeat(255), Tokens.newUser("Nia Nowhere", "UTC").id())) {
            Response answer = internal(KEY, person, DAY, DAY.plus(1, ChronoUnit.DAYS));

            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
            assertThat(answer.jsonPath().getString("status")).isEqualTo("not_connected");
            assertThat(answer.jsonPath().getList("busy")).isEmpty();
        }
    }

    @Test
    void withoutAValidKeyItIs401BeforeAnythingElseIsLookedAt() {
        TestUser host = Tokens.newUser("Kay Keyless", "UTC");
        String valid = "person=" + host.id() + "&start=2030-03-04T09:00:00Z&end=2030-03-05T09:00:00Z";
        for (String query : List.of(valid, "", "person=&start=tomorrow&end=2030-03-04T09:00:00Z", "person=" + "x".repeat(300))) {
            String uri = INTERNAL_FREE_BUSY + (query.isEmpty() ? "" : "?" + query);
            assertUnauthorized(given().urlEncodingEnabled(false).get(uri), "no header, " + query);
            assertUnauthorized(given().urlEncodingEnabled(false).header(HEADER, "test-service-key-3").get(uri), "a wrong key, " + query);
        }
        for (String wrong : List.of("", " ", "test-service-key-", "TEST-SERVICE-KEY-1", "test-service-key-1x",
                "test-service-key-1,test-service-key-2", "Bearer " + KEY)) {
            assertUnauthorized(given().urlEncodingEnabled(false).header(HEADER, wrong).get(INTERNAL_FREE_BUSY + "?" + valid), "key '" + wrong + "'");
        }
    }

    @Test
    void aPersonsValidBearerTokenDoesNotOpenIt() {
        TestUser person = Tokens.newUser("Tia Token", "UTC");
        MirrorFixturesAccess.connectAndAwaitWatched(person);
        Instant from = DAY.plus(2, ChronoUnit.DAYS);
        String query = "?person=" + person.id() + "&start=" + from + "&end=" + from.plus(1, ChronoUnit.DAYS);

        assertUnauthorized(given().urlEncodingEnabled(false).header("Authorization", person.bearer()).get(INTERNAL_FREE_BUSY + query),
                "the person's own token, asking about themselves");
        assertUnauthorized(given().urlEncodingEnabled(false).header("Authorization", person.bearer()).header(HEADER, "test-service-key-3")
                .get(INTERNAL_FREE_BUSY + query), "the person's own token and a wrong key");
        assertUnauthorized(given().urlEncodingEnabled(false).header("Authorization", "Bearer " + KEY).get(INTERNAL_FREE_BUSY + query),
                "the key as a bearer token");
    }

    /** One cache for both routes: an answer fetched for a service is what the person sees too, until a push ends it. */
    @Test
    void theCacheIsSharedWithThePersonsOwnRoute() {
        TestUser person = Tokens.newUser("Cas Shared", "UTC");
        MirrorFixturesAccess.connectAndAwaitWatched(person);
        Instant from = DAY.plus(3, ChronoUnit.DAYS);
        Instant to = from.plus(8, ChronoUnit.HOURS);
        assertThat(FreeBusyTest.intervals(internal(KEY, person.id(), from, to))).isEmpty();

        // Made in Google on the primary calendar, which no channel watches: the cached answer stands for both routes.
        busy(person, from.plus(1, ChronoUnit.HOURS), from.plus(2, ChronoUnit.HOURS));
        assertThat(FreeBusyTest.intervals(FreeBusyTest.freeBusy(person, from, to))).as("the person's route, from the cache").isEmpty();
        assertThat(FreeBusyTest.intervals(internal(NEXT_KEY, person.id(), from, to))).as("the internal route, from the cache").isEmpty();
        assertThat(FreeBusyTest.intervals(internal(KEY, person.id(), from, to.plus(1, ChronoUnit.HOURS)))).as("another range asks Google")
                .containsExactly(List.of(from.plus(1, ChronoUnit.HOURS).toString(), from.plus(2, ChronoUnit.HOURS).toString()));
    }

    @Test
    void googleFailingIs503GoogleUnavailable() {
        TestUser host = Tokens.newUser("Gus Glitch", "UTC");
        MirrorFixturesAccess.connectAndAwaitWatched(host);
        Instant from = DAY.plus(4, ChronoUnit.DAYS);
        LocalGoogleAccount.control("fail", "{\"every\": 1, \"status\": 500}");
        Response answer;
        try {
            answer = internal(KEY, host.id(), from, from.plus(1, ChronoUnit.DAYS));
        } finally {
            LocalGoogleAccount.control("fail", "{\"count\": 0}");
        }

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.jsonPath().getString("code")).isEqualTo("google_unavailable");
        assertThat(internal(KEY, host.id(), from, from.plus(1, ChronoUnit.DAYS)).statusCode()).as("and the next question works").isEqualTo(200);
    }

    public static Response internal(String key, String person, Instant start, Instant end) {
        RequestSpecification request = given().queryParam("person", person).queryParam("start", start.toString())
                .queryParam("end", end.toString());
        if (key != null) {
            request = request.header(HEADER, key);
        }
        return request.get(INTERNAL_FREE_BUSY);
    }

    private static void assertUnauthorized(Response response, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.asString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("code")).isEqualTo("unauthorized");
        assertThat(response.jsonPath().getString("message")).contains(HEADER);
        assertThat(response.asString()).doesNotContain("test-service-key").doesNotContain("busy").doesNotContain("person");
    }

    /** As if the person made an event in Google's own UI, on their primary calendar. */
    private static void busy(TestUser person, Instant start, Instant end) {
        LocalGoogleAccount.control("busy", "{\"email\": \"" + person.email() + "\", \"start\": \"" + start + "\", \"end\": \"" + end + "\"}");
    }
}
