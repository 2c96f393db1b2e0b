package io.schedulr.calcom.calcomapi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import io.schedulr.testsupport.calcom.LocalCalcom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What our caller sees when Cal.com fails, against the local Cal.com made to fail through its control API
 * ({@code POST /_control/fail}), with the retry backoff shortened by {@link LocalCalcomApiResource} (20 ms doubling, at
 * most 200 ms) and a rate-limit window of 1 s. Cal.com's own record of the calls ({@code GET /_control/calls}) shows how
 * often we asked.
 */
@QuarkusTest
class CalcomRetryTest {
    private final TestUser person = Tokens.newUser("Rita Retry", "Europe/Berlin");
    private final LocalCalcom calcom = LocalCalcomApiResource.shared();

    @AfterEach
    void nothingLeftFailing() throws Exception {
        LocalCalcomData.stopFailing(calcom);
    }

    private long eventTypeId() {
        List<Map<String, Object>> types = given().header("Authorization", person.bearer()).get("/api/calcom/event-types")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return types.stream().filter(t -> ((Number) t.get("lengthInMinutes")).intValue() == 30)
                .map(t -> ((Number) t.get("id")).longValue()).findFirst().orElseThrow();
    }

    private Response book(long eventTypeId, Instant start, String interviewId) {
        String body = """
                {"interviewId":"%s","eventTypeId":%d,"start":"%s",
                 "attendee":{"name":"Grace Candidate","email":"grace@candidate.test","timeZone":"America/New_York"}}"""
                .formatted(interviewId, eventTypeId, start);
        return given().header("Authorization", person.bearer()).contentType(ContentType.JSON).body(body).post("/api/calcom/bookings");
    }

    private String existingBooking(String interviewId) {
        Response created = book(eventTypeId(), LocalCalcomData.berlin(LocalCalcomData.freshMonday(), 9, 0), interviewId);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.jsonPath().getString("uid");
    }

    private Response read(String uid) {
        return given().header("Authorization", person.bearer()).get("/api/calcom/bookings/" + uid);
    }

    /** The local Cal.com's bookings made for this interview (our interview id travels in Cal.com's metadata). */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> bookingsOf(String interviewId) throws Exception {
        return LocalCalcomData.bookingList(calcom).stream()
                .filter(b -> interviewId.equals(((Map<String, Object>) b.get("metadata")).get("schedulrInterviewId"))).toList();
    }

    @Test
    void aReadSucceedsAfterTwoServerErrorsAndCalcomWasAskedThreeTimes() throws Exception {
        String uid = existingBooking("iv-retry-read");
        LocalCalcomData.fail(calcom, "{\"count\":2,\"status\":500}");

        Response response = read(uid);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getString("uid")).isEqualTo(uid);
        assertThat(LocalCalcomData.answered(calcom, "GET", "/v2/bookings/" + uid)).containsExactly(500, 500, 200);
        String log = Files.readString(Path.of(LocalCalcomApiResource.LOG_FILE));
        assertThat(log).containsPattern("Cal\\.com GET /v2/bookings/\\{uid} answered 500 InternalServerErrorException: Internal Server Error "
                + "\\[correlation [0-9a-f-]{36}]");
    }

    @Test
    void aReadThatKeepsFailingEndsAs503CalcomUnavailableAfterThreeRetries() throws Exception {
        String uid = existingBooking("iv-retry-exhausted");
        LocalCalcomData.fail(calcom, "{\"count\":6,\"status\":502}");

        Instant before = Instant.now();
        Response response = read(uid);
        Duration took = Duration.between(before, Instant.now());

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
        assertThat(response.jsonPath().getString("code")).isEqualTo("calcom_unavailable");
        assertThat(response.jsonPath().getString("message")).contains("Cal.com is failing (502)").containsPattern("reference [0-9a-f-]{36}");
        assertThat(LocalCalcomData.answered(calcom, "GET", "/v2/bookings/" + uid)).as("the first try and three retries, no more")
                .containsExactly(502, 502, 502, 502);
        assertThat(took).as("short test backoff").isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aReadWhoseConnectionIsDroppedIsSentAgain() throws Exception {
        String uid = existingBooking("iv-retry-read-dropped");
        LocalCalcomData.fail(calcom, "{\"count\":1,\"mode\":\"drop\"}");

        Response response = read(uid);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(LocalCalcomData.answered(calcom, "GET", "/v2/bookings/" + uid)).containsExactly(0, 200);
    }

    @Test
    void aCreateWhoseAnswerIsLostIs503ReadTheBookingAndIsNotSentAgain() throws Exception {
        long eventTypeId = eventTypeId();
        Instant start = LocalCalcomData.berlin(LocalCalcomData.freshMonday(), 10, 0);
        int before = LocalCalcomData.answered(calcom, "POST", "/v2/bookings").size();
        LocalCalcomData.fail(calcom, "{\"count\":1,\"mode\":\"drop\"}");

        Response response = book(eventTypeId, start, "iv-retry-dropped");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
        assertThat(response.jsonPath().getString("code")).isEqualTo("calcom_unavailable");
        assertThat(response.jsonPath().getString("message")).contains("it may have been made").contains("Read the booking before trying again");
        List<Integer> creates = LocalCalcomData.answered(calcom, "POST", "/v2/bookings");
        assertThat(creates.subList(before, creates.size())).as("sent once, its answer dropped").containsExactly(0);
        assertThat(bookingsOf("iv-retry-dropped")).as("Cal.com booked it once; we did not book it again").singleElement()
                .satisfies(b -> assertThat(Instant.parse((String) b.get("start"))).isEqualTo(start));
    }

    @Test
    void aCreateRefusedWith503IsSentAgainAndBooksOnce() throws Exception {
        long eventTypeId = eventTypeId();
        Instant start = LocalCalcomData.berlin(LocalCalcomData.freshMonday(), 11, 0);
        int before = LocalCalcomData.answered(calcom, "POST", "/v2/bookings").size();
        LocalCalcomData.fail(calcom, "{\"count\":1,\"status\":503}");

        Response response = book(eventTypeId, start, "iv-retry-503");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        List<Integer> creates = LocalCalcomData.answered(calcom, "POST", "/v2/bookings");
        assertThat(creates.subList(before, creates.size())).containsExactly(503, 201);
        assertThat(bookingsOf("iv-retry-503")).singleElement().satisfies(b -> assertThat(b.get("uid")).isEqualTo(response.jsonPath().getString("uid")));
    }

    @Test
    void aCreateThatGetsA500IsNotSentAgainSinceCalcomMayHaveActed() throws Exception {
        long eventTypeId = eventTypeId();
        Instant start = LocalCalcomData.berlin(LocalCalcomData.freshMonday(), 12, 0);
        int before = LocalCalcomData.answered(calcom, "POST", "/v2/bookings").size();
        LocalCalcomData.fail(calcom, "{\"count\":1,\"status\":500}");

        Response response = book(eventTypeId, start, "iv-retry-500");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
        assertThat(response.jsonPath().getString("message")).contains("Read the booking before trying again");
        List<Integer> creates = LocalCalcomData.answered(calcom, "POST", "/v2/bookings");
        assertThat(creates.subList(before, creates.size())).containsExactly(500);
    }

    @Test
    void a429ThatPersistsAfterTheWaitEndsAs429CalcomRateLimited() throws Exception {
        String uid = existingBooking("iv-retry-429");
        LocalCalcomData.fail(calcom, "{\"count\":3,\"status\":429}");

        Instant before = Instant.now();
        Response response = read(uid);
        Duration took = Duration.between(before, Instant.now());

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(429);
        assertThat(response.jsonPath().getString("code")).isEqualTo("calcom_rate_limited");
        assertThat(response.header("Retry-After")).as("the configured window, 1 s in tests").isEqualTo("1");
        assertThat(LocalCalcomData.answered(calcom, "GET", "/v2/bookings/" + uid)).as("sent, then once more after the wait")
                .containsExactly(429, 429);
        assertThat(took).as("waited out calcom.rate-limit.window (1 s), not Cal.com's 60 s reset")
                .isBetween(Duration.ofMillis(950), Duration.ofSeconds(5));
    }
}
