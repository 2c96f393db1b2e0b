package io.schedulr.testsupport.calcom;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static io.schedulr.testsupport.calcom.CalcomHttp.json;
import static io.schedulr.testsupport.calcom.CalcomHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Cal.com's throttler, with the limit lowered so the test reaches it quickly. */
class CalcomRateLimitTest {
    @Test
    void pastTheLimitAKeyGets429ThrottlerExceptionWithRateLimitHeadersAndNoRetryAfterUntilTheWindowEnds() throws Exception {
        String key = CalcomSettings.developmentKey();
        String other = CalcomSettings.developmentKey();
        try (LocalCalcom calcom = LocalCalcom.start(0, new CalcomSettings(java.util.List.of(key, other), null, java.util.List.of(), 3,
                Duration.ofSeconds(2), Duration.ofMillis(100), false, CalcomSettings.Seed.defaults()))) {
            CalcomHttp api = new CalcomHttp(calcom, key);
            for (int i = 1; i <= 3; i++) {
                HttpResponse<String> ok = api.get("/v2/me", null);
                assertThat(ok.statusCode()).isEqualTo(200);
                assertThat(ok.headers().firstValue("X-RateLimit-Limit-Default")).hasValue("3");
                assertThat(ok.headers().firstValue("X-RateLimit-Remaining-Default")).hasValue(String.valueOf(3 - i));
                assertThat(ok.headers().firstValue("X-RateLimit-Reset-Default")).isPresent();
            }
            HttpResponse<String> throttled = api.get("/v2/me", null);
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).isEmpty();
            assertThat(throttled.headers().firstValue("X-RateLimit-Remaining-Default")).hasValue("0");
            assertThat(Long.parseLong(throttled.headers().firstValue("X-RateLimit-Reset-Default").orElseThrow())).isBetween(1L, 2L);
            assertThat(json(throttled)).containsEntry("status", "error");
            assertThat(map(json(throttled).get("error"))).containsEntry("code", "ThrottlerException");

            assertThat(new CalcomHttp(calcom, other).get("/v2/me", null).statusCode()).as("another key has its own budget").isEqualTo(200);
            Thread.sleep(2100);
            assertThat(api.get("/v2/me", null).statusCode()).as("after the block").isEqualTo(200);
        }
    }
}
