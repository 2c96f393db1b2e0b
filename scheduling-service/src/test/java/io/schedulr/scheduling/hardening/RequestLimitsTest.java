package io.schedulr.scheduling.hardening;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.scheduling.api.Db;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Oversized bodies, URIs and headers get the JSON error shape, and an oversized body is answered without resetting the
 * connection under the sender (the JDK client reports a reset as an IOException, which fails the test).
 */
@QuarkusTest
class RequestLimitsTest {
    private static final TestUser USER = Tokens.newUser("Limits Tester", "UTC");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/")
    URI base;

    @Test
    void aTenMegabyteBodyGets413AsJsonWithoutAReset() throws Exception {
        long rooms = Db.count("SELECT count(*) FROM practice_rooms");
        byte[] body = jsonOfSize(10 * 1024 * 1024);

        HttpResponse<String> response = HTTP.send(post("/api/practice-room/create", HttpRequest.BodyPublishers.ofByteArray(body)),
                HttpResponse.BodyHandlers.ofString());

        assertJsonError(response, 413, "body_too_large");
        assertThat(Db.count("SELECT count(*) FROM practice_rooms")).isEqualTo(rooms);
    }

    @Test
    void aChunkedBodyOverTheLimitGets413AsJson() throws Exception {
        byte[] body = jsonOfSize(3 * 1024 * 1024);

        HttpResponse<String> response = HTTP.send(post("/api/practice-room/create",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))), HttpResponse.BodyHandlers.ofString());

        assertJsonError(response, 413, "body_too_large");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsServed() throws Exception {
        byte[] body = ("{\"datetimeUtc\":\"" + java.time.Instant.now().plus(java.time.Duration.ofDays(4)).truncatedTo(
                java.time.temporal.ChronoUnit.HOURS) + "\"}").getBytes();

        HttpResponse<String> response = HTTP.send(post("/api/practice-room/create",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void aLongUriGets414AsJson() throws Exception {
        HttpResponse<String> response = HTTP.send(get("/api/practice-rooms?limit=" + "9".repeat(10_000)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertJsonError(response, 414, "uri_too_long");
    }

    @Test
    void oversizedHeadersGet431AsJson() throws Exception {
        HttpResponse<String> response = HTTP.send(get("/api/practice-rooms").header("X-Padding", "p".repeat(20_000)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertJsonError(response, 431, "headers_too_large");
        given().get("/q/health/ready").then().statusCode(200);
    }

    private HttpRequest post(String path, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", USER.bearer()).header("Content-Type", "application/json").POST(body).build();
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).header("Authorization", USER.bearer()).GET();
    }

    private static byte[] jsonOfSize(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        byte[] start = "{\"datetimeUtc\":\"2030-01-01T10:00:00Z\"".getBytes();
        System.arraycopy(start, 0, body, 0, start.length);
        body[size - 1] = '}';
        return body;
    }

    private static void assertJsonError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"code\":\"" + code + "\"").contains("\"message\":\"").hasSizeLessThan(300);
    }
}
