package io.schedulr.scheduling.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.testsupport.Metrics;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A token verified once is answered from the verified-token cache afterwards (issue 18): what the cache must never
 * change is which tokens are refused.
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Test
    void theSecondRequestWithATokenIsAnsweredFromTheCache() {
        TestUser carol = Tokens.newUser("Carol Cached", "Europe/Berlin");
        double hits = Metrics.count("schedulr_auth_token_cache_total", "result=\"hit\"");

        whoAmI(carol.token()).then().statusCode(200).body("email", equalTo(carol.email()));
        assertThat(Metrics.count("schedulr_auth_token_cache_total", "result=\"hit\"")).isEqualTo(hits);
        whoAmI(carol.token()).then().statusCode(200).body("email", equalTo(carol.email())).body("timeZone", equalTo("Europe/Berlin"));

        assertThat(Metrics.count("schedulr_auth_token_cache_total", "result=\"hit\"")).isEqualTo(hits + 1);
    }

    @Test
    void aCachedTokenIsRefusedOnceItHasExpired() throws Exception {
        String token = Tokens.expiringIn("soon@example.com", 3);
        whoAmI(token).then().statusCode(200).body("email", equalTo("soon@example.com"));
        whoAmI(token).then().statusCode(200);

        Thread.sleep(4_500);

        whoAmI(token).then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    @Test
    void aCopyOfACachedTokenWithOtherClaimsIsRefused() {
        TestUser alice = Tokens.newUser("Alice Cached", "UTC");
        whoAmI(alice.token()).then().statusCode(200).body("email", equalTo(alice.email()));

        String[] parts = alice.token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String otherPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace(alice.email(), "mallory@example.com").getBytes(StandardCharsets.UTF_8));
        whoAmI(parts[0] + "." + otherPayload + "." + parts[2]).then().statusCode(401);

        whoAmI(alice.token()).then().statusCode(200).body("email", equalTo(alice.email()));
    }

    @Test
    void aCachedTokenWithAnotherSignatureIsRefused() {
        TestUser bob = Tokens.newUser("Bob Cached", "UTC");
        whoAmI(bob.token()).then().statusCode(200);

        String token = bob.token();
        char last = token.charAt(token.length() - 2);
        String otherSignature = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        whoAmI(otherSignature).then().statusCode(401);
    }

    private static io.restassured.response.Response whoAmI(String token) {
        return given().header("Authorization", "Bearer " + token).get("/api/whoami");
    }
}
