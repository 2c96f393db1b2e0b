package io.schedulr.testsupport.calcom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.schedulr.testsupport.calcom.CalcomApiContractTest.berlin;
import static io.schedulr.testsupport.calcom.CalcomApiContractTest.bookingJson;
import static io.schedulr.testsupport.calcom.CalcomApiContractTest.eventTypeId;
import static io.schedulr.testsupport.calcom.CalcomApiContractTest.freshMonday;
import static io.schedulr.testsupport.calcom.CalcomHttp.json;
import static io.schedulr.testsupport.calcom.CalcomHttp.list;
import static io.schedulr.testsupport.calcom.CalcomHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code POST /_control/fail}: the next n API v2 calls answer a server error or the throttler's 429 in Cal.com's
 * envelope, or lose their answer to a closed connection; {@code GET /_control/calls} shows what was received and answered.
 */
class CalcomFailureInjectionTest {
    private static final String KEY = CalcomSettings.developmentKey();
    private static LocalCalcom calcom;
    private static CalcomHttp api;

    @BeforeAll
    static void start() throws Exception {
        calcom = LocalCalcom.start(0, CalcomSettings.defaults(KEY).withPingOnSubscribe(false));
        api = new CalcomHttp(calcom, KEY);
    }

    @AfterAll
    static void stop() {
        calcom.close();
    }

    @BeforeEach
    void noFailuresLeft() throws Exception {
        assertThat(api.control("fail", "{\"count\":0,\"status\":500}").statusCode()).isEqualTo(200);
        assertThat(api.control("calls/clear", "{}").statusCode()).isEqualTo(200);
    }

    private static List<Map<String, Object>> calls() throws Exception {
        HttpResponse<String> response = api.control("calls", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return list(org.jose4j.json.JsonUtil.parseJson("{\"calls\":" + response.body() + "}").get("calls")).stream()
                .map(CalcomHttp::map).toList();
    }

    @ParameterizedTest
    @CsvSource({"500, InternalServerErrorException, Internal Server Error", "502, BadGatewayException, Bad Gateway",
            "503, ServiceUnavailableException, Service Unavailable"})
    void theNextCallsAnswerTheServerErrorInCalcomsEnvelopeThenTheApiServesAgain(int status, String code, String message) throws Exception {
        HttpResponse<String> set = api.control("fail", "{\"count\":2,\"status\":" + status + "}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(json(set)).containsEntry("failing", 2L).containsEntry("status", (long) status);

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> failed = api.get("/v2/event-types", LocalCalcom.EVENT_TYPES_API_VERSION);
            assertThat(failed.statusCode()).isEqualTo(status);
            assertThat(failed.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            Map<String, Object> body = json(failed);
            assertThat(body).containsEntry("status", "error").containsEntry("path", "/v2/event-types").containsKey("timestamp");
            assertThat(map(body.get("error"))).containsEntry("code", code).containsEntry("message", message);
            assertThat(map(map(body.get("error")).get("details"))).containsEntry("statusCode", (long) status);
        }
        assertThat(api.get("/v2/event-types", LocalCalcom.EVENT_TYPES_API_VERSION).statusCode()).as("only two failed").isEqualTo(200);

        assertThat(calls()).extracting(c -> c.get("status")).containsExactly((long) status, (long) status, 200L);
        assertThat(calls()).extracting(c -> c.get("path")).containsOnly("/v2/event-types");
    }

    @Test
    void aServerErrorIsAnsweredWithoutCarryingTheCallOut() throws Exception {
        long eventTypeId = eventTypeId(api, calcom.teamId(), 30);
        Instant start = berlin(freshMonday(), 9, 0);
        api.control("fail", "{\"count\":1,\"status\":500}");

        HttpResponse<String> failed = api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(eventTypeId, start, "five@candidate.test"));

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(api.control("bookings", null).body()).doesNotContain("five@candidate.test");
    }

    @Test
    void an429IsTheThrottlersWithItsHeadersAndNoRetryAfterAndDoesNotSpendTheKeysBudget() throws Exception {
        api.control("fail", "{\"count\":1,\"status\":429}");

        HttpResponse<String> throttled = api.get("/v2/me", null);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(map(json(throttled).get("error"))).containsEntry("code", "ThrottlerException");
        assertThat(throttled.headers().firstValue("Retry-After")).isEmpty();
        assertThat(throttled.headers().firstValue("X-RateLimit-Limit-Default")).hasValue("120");
        assertThat(throttled.headers().firstValue("X-RateLimit-Remaining-Default")).hasValue("0");
        assertThat(throttled.headers().firstValue("X-RateLimit-Reset-Default")).as("the window, one minute").hasValue("60");

        HttpResponse<String> next = api.get("/v2/me", null);
        assertThat(next.statusCode()).isEqualTo(200);
        int remaining = Integer.parseInt(next.headers().firstValue("X-RateLimit-Remaining-Default").orElseThrow());
        assertThat(remaining).as("the injected 429 was not counted").isGreaterThan(100);
    }

    @Test
    void aDroppedCallIsCarriedOutButItsConnectionClosesWithoutAnAnswer() throws Exception {
        long eventTypeId = eventTypeId(api, calcom.teamId(), 30);
        Instant start = berlin(freshMonday(), 10, 0);
        HttpResponse<String> set = api.control("fail", "{\"count\":1,\"mode\":\"drop\"}");
        assertThat(json(set)).containsEntry("failing", 1L).containsEntry("mode", "drop");
        api.control("calls/clear", "{}");

        // a client of its own: a fresh connection, so the JDK client has no pooled one to blame and retry on
        HttpClient fresh = HttpClient.newHttpClient();
        HttpRequest create = HttpRequest.newBuilder(URI.create(calcom.url() + "/v2/bookings")).header("Authorization", "Bearer " + KEY)
                .header("cal-api-version", LocalCalcom.BOOKINGS_API_VERSION).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(bookingJson(eventTypeId, start, "dropped@candidate.test"))).build();
        assertThatThrownBy(() -> fresh.send(create, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);

        assertThat(calls()).singleElement().satisfies(call -> assertThat(call).containsEntry("method", "POST")
                .containsEntry("path", "/v2/bookings").containsEntry("status", 0L).containsEntry("dropped", true));
        String held = api.control("bookings", null).body();
        assertThat(held).as("Cal.com acted; only the answer was lost").contains("dropped@candidate.test");
        assertThat(api.get("/v2/me", null).statusCode()).as("only one call dropped").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"count\":1,\"status\":404}", "{\"count\":1,\"status\":200}", "{\"count\":1}", "{\"status\":500}",
            "{\"count\":1,\"mode\":\"slow\"}", "{\"count\":1,\"mode\":\"drop\",\"status\":500}", "{\"count\":-1,\"status\":500}"})
    void aFailureThatIsNotOneOfTheseIsRefusedAndNothingFails(String body) throws Exception {
        HttpResponse<String> refused = api.control("fail", body);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(map(json(refused).get("error"))).containsEntry("code", "BadRequestException");
        assertThat(api.get("/v2/me", null).statusCode()).isEqualTo(200);
    }
}
