package io.schedulr.calendarsync.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.schedulr.calendarsync.connection.ConnectionRows;
import io.schedulr.calendarsync.mirror.MirrorFixturesAccess;
import io.schedulr.testsupport.OpenApiErrors.Seen;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * {@code POST /api/google/webhook} (public: Google sends no bearer token) against malformed, forged and hostile pushes,
 * as anyone on the internet could send them: the exact 4xx and {@code {"code","message"}}, never a 500, and no sync
 * asked for the person whose channel is named. A bearer token of a signed-in person changes nothing: only the channel
 * token counts. {@code %CHANNEL%} / {@code %TOKEN%} / {@code %RESOURCE%} are a real live channel's.
 */
@QuarkusTest
public class GoogleWebhookHardeningTest {
    private static final String WEBHOOK = "/api/google/webhook";
    private static TestUser owner;
    private static Map<String, String> channel;

    record Case(String name, Map<String, String> headers, String body, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeEach
    void liveChannel() {
        if (owner != null) {
            return;
        }
        owner = Tokens.newUser("Wanda Webhook", "UTC");
        MirrorFixturesAccess.connectAndAwaitWatched(owner);
        channel = ConnectionRows.row("SELECT channel_id, token, resource_id FROM webhook_channels WHERE user_id = ? AND status = 'active'",
                owner.id());
    }

    private static Case push(String name, String channelId, String token, String resource, String state, int status, String code) {
        Map<String, String> headers = new LinkedHashMap<>();
        put(headers, "X-Goog-Channel-ID", channelId);
        put(headers, "X-Goog-Channel-Token", token);
        put(headers, "X-Goog-Resource-ID", resource);
        put(headers, "X-Goog-Resource-State", state);
        headers.put("X-Goog-Message-Number", "2");
        return new Case(name, headers, null, status, code);
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    static List<Case> cases() {
        String long5k = "x".repeat(5_000);
        List<Case> c = new ArrayList<>();
        c.add(push("no headers at all", null, null, null, null, 400, "not_a_google_push"));
        c.add(push("no channel id", null, "%TOKEN%", "%RESOURCE%", "exists", 400, "not_a_google_push"));
        c.add(push("blank channel id", "  ", "%TOKEN%", "%RESOURCE%", "exists", 400, "not_a_google_push"));
        c.add(push("no resource state", "%CHANNEL%", "%TOKEN%", "%RESOURCE%", null, 400, "not_a_google_push"));
        c.add(push("unknown resource state", "%CHANNEL%", "%TOKEN%", "%RESOURCE%", "deleted", 400, "invalid_resource_state"));
        c.add(push("state with a NUL", "%CHANNEL%", "%TOKEN%", "%RESOURCE%", "exists\u0000", 400, "invalid_resource_state"));
        c.add(push("unknown channel", "00000000-0000-0000-0000-000000000000", "%TOKEN%", "%RESOURCE%", "exists", 404, "unknown_channel"));
        c.add(push("5 kB channel id", long5k, "%TOKEN%", "%RESOURCE%", "exists", 404, "unknown_channel"));
        c.add(push("SQL in the channel id", "' OR '1'='1", "%TOKEN%", "%RESOURCE%", "exists", 404, "unknown_channel"));
        c.add(push("no token", "%CHANNEL%", null, "%RESOURCE%", "exists", 403, "channel_token_mismatch"));
        c.add(push("empty token", "%CHANNEL%", "", "%RESOURCE%", "exists", 403, "channel_token_mismatch"));
        c.add(push("wrong token", "%CHANNEL%", "guessed", "%RESOURCE%", "exists", 403, "channel_token_mismatch"));
        c.add(push("token with one more character", "%CHANNEL%", "%TOKEN%x", "%RESOURCE%", "exists", 403, "channel_token_mismatch"));
        c.add(push("5 kB token", "%CHANNEL%", long5k, "%RESOURCE%", "exists", 403, "channel_token_mismatch"));
        c.add(push("another calendar's resource", "%CHANNEL%", "%TOKEN%", "another-resource", "exists", 403, "channel_token_mismatch"));
        c.add(push("forged sync message", "%CHANNEL%", "wrong", "%RESOURCE%", "sync", 403, "channel_token_mismatch"));
        Map<String, String> withBody = new LinkedHashMap<>(push("", null, null, null, null, 0, null).headers());
        c.add(new Case("a JSON body and no headers", withBody, "{\"channelId\":\"%CHANNEL%\",\"token\":\"%TOKEN%\"}", 400, "not_a_google_push"));
        return c;
    }

    /** Every error answer this test sees, for the OpenAPI document's check (OpenApiDocumentTest). */
    public static List<Seen> errorAnswers() {
        return cases().stream().map(c -> new Seen("POST", WEBHOOK, c.status(), c.code())).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadPushIsRefusedAndAsksForNoSync(Case bad) {
        long before = requests();
        RequestSpecification request = given();
        bad.headers().forEach((name, value) -> request.header(name, fill(value)));
        if (bad.body() != null) {
            request.contentType("application/json").body(fill(bad.body()));
        }
        request.when().post(WEBHOOK)
                .then().statusCode(bad.status())
                .body("code", equalTo(bad.code()))
                .body("message", not(containsString("Exception")));
        assertThat(requests()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void whoeverCallsOnlyTheChannelTokenCounts(String who) {
        RequestSpecification request = given().header("X-Goog-Channel-ID", channel.get("channel_id"))
                .header("X-Goog-Channel-Token", "wrong").header("X-Goog-Resource-State", "exists");
        if (!"nobody".equals(who)) {
            request.header("Authorization", "owner".equals(who) ? owner.bearer() : Tokens.newUser("Otto Other", "UTC").bearer());
        }
        request.when().post(WEBHOOK).then().statusCode(403).body("code", equalTo("channel_token_mismatch"));
        long before = requests();
        given().header("X-Goog-Channel-ID", channel.get("channel_id")).header("X-Goog-Channel-Token", channel.get("token"))
                .header("X-Goog-Resource-ID", channel.get("resource_id")).header("X-Goog-Resource-State", "exists")
                .when().post(WEBHOOK).then().statusCode(204);
        assertThat(requests()).isEqualTo(before + 1);
    }

    static List<String> callers() {
        return List.of("nobody", "owner", "someone else");
    }

    private static String fill(String value) {
        return value.replace("%CHANNEL%", channel.get("channel_id")).replace("%TOKEN%", channel.get("token"))
                .replace("%RESOURCE%", channel.get("resource_id"));
    }

    private static long requests() {
        return ConnectionRows.count("SELECT request_count FROM calendar_sync WHERE user_id = ?", owner.id());
    }
}
