package io.schedulr.calcom.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.schedulr.calcom.domain.WebhookSignature;
import io.schedulr.testsupport.EdgeContractTests;
import io.schedulr.testsupport.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * This service's authorization matrix and bad-input table: whoami (see {@link EdgeContractTests}) and
 * {@code POST /webhooks/calcom}, where no bearer token is needed but a valid Cal.com signature is.
 */
@QuarkusTest
class EdgeContractTest extends EdgeContractTests {
    private static final String WEBHOOK = "/webhooks/calcom";
    private static final String PING = "{\"triggerEvent\":\"PING\",\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"payload\":{}}";

    private static String secret() {
        return ConfigProvider.getConfig().getValue("calcom.webhook.secrets", String.class).split(",")[0];
    }

    private static String sign(String body) {
        return new WebhookSignature(secret()).sign(body.getBytes(StandardCharsets.UTF_8));
    }

    private record WebhookCase(String name, String contentType, String body, String signature, String bearer, int status, String code) {
    }

    @TestFactory
    Stream<DynamicTest> webhookAuthorizationIsTheSignatureNotAToken() {
        String person = Tokens.newUser("Webhook Caller", "UTC").bearer();
        List<WebhookCase> cases = List.of(
                new WebhookCase("unsigned, no token", "application/json", PING, null, null, 401, "invalid_signature"),
                new WebhookCase("unsigned, a signed-in person's token", "application/json", PING, null, person, 401, "invalid_signature"),
                new WebhookCase("forged signature", "application/json", PING, "f".repeat(64), null, 401, "invalid_signature"),
                new WebhookCase("signature of another body", "application/json", PING, sign(PING.replace("2026", "2027")), null, 401,
                        "invalid_signature"),
                new WebhookCase("Cal.com's no-secret-provided", "application/json", PING, "no-secret-provided", null, 401, "invalid_signature"),
                new WebhookCase("valid signature, no token", "application/json", PING, sign(PING), null, 200, null));
        return cases.stream().map(c -> DynamicTest.dynamicTest("webhook: " + c.name(), () -> check(c)));
    }

    @TestFactory
    Stream<DynamicTest> webhookBadInputIsRefusedWithItsCode() {
        String huge = "{\"triggerEvent\":\"PING\",\"payload\":{\"x\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}}";
        String unknown = "{\"triggerEvent\":\"BOOKING_EXPLODED\",\"payload\":{}}";
        String noPayload = "{\"triggerEvent\":\"BOOKING_CREATED\"}";
        // Signed and well formed, but its booking uid holds a NUL, which the ledger cannot store: refused, not a 500 that
        // Cal.com would retry.
        String nulUid = "{\"triggerEvent\":\"BOOKING_CREATED\",\"payload\":{\"uid\":\"a\\u0000b\",\"iCalUID\":\"a@Cal.com\","
                + "\"startTime\":\"2030-01-15T10:00:00Z\",\"endTime\":\"2030-01-15T10:30:00Z\"}}";
        // Parses as a time, and PostgreSQL cannot keep it: refused as unreadable, not a 500.
        String farEnd = "{\"triggerEvent\":\"BOOKING_CREATED\",\"payload\":{\"uid\":\"far-end\",\"iCalUID\":\"far-end@Cal.com\","
                + "\"startTime\":\"2030-01-15T10:00:00Z\",\"endTime\":\"+999999999-12-31T23:59:59Z\"}}";
        List<WebhookCase> cases = List.of(
                new WebhookCase("2 MB body", "application/json", huge, sign(huge), null, 413, "body_too_large"),
                new WebhookCase("text/plain", "text/plain", PING, sign(PING), null, 415, "unsupported_media_type"),
                new WebhookCase("empty body", "application/json", "", sign(""), null, 400, "invalid_webhook"),
                new WebhookCase("not JSON", "application/json", "{triggerEvent:", sign("{triggerEvent:"), null, 400, "invalid_webhook"),
                new WebhookCase("a JSON list", "application/json", "[]", sign("[]"), null, 400, "invalid_webhook"),
                new WebhookCase("unknown trigger", "application/json", unknown, sign(unknown), null, 400, "invalid_webhook"),
                new WebhookCase("booking without payload", "application/json", noPayload, sign(noPayload), null, 400, "invalid_webhook"),
                new WebhookCase("booking uid with a NUL", "application/json", nulUid, sign(nulUid), null, 400, "invalid_webhook"),
                new WebhookCase("booking ending in the year 999999999", "application/json", farEnd, sign(farEnd), null, 400, "invalid_webhook"),
                new WebhookCase("GET", "GET", null, null, null, 405, "method_not_allowed"));
        return cases.stream().map(c -> DynamicTest.dynamicTest("webhook: " + c.name(), () -> check(c)));
    }

    private static void check(WebhookCase c) {
        RequestSpecification request = given();
        if (c.bearer() != null) {
            request = request.header("Authorization", c.bearer());
        }
        if (c.signature() != null) {
            request = request.header("X-Cal-Signature-256", c.signature());
        }
        Response response;
        if (c.contentType().equals("GET")) {
            response = request.get(WEBHOOK);
        } else {
            response = request.contentType(c.contentType()).body(c.body().getBytes(StandardCharsets.UTF_8)).post(WEBHOOK);
        }

        assertThat(response.asString(), response.statusCode(), equalTo(c.status()));
        assertThat(response.contentType(), startsWith("application/json"));
        if (c.code() != null) {
            assertThat(response.asString(), response.jsonPath().getString("code"), equalTo(c.code()));
            assertThat(response.jsonPath().getString("message").length(), lessThan(300));
        }
        assertThat(response.asString(), not(containsString("Exception")));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
