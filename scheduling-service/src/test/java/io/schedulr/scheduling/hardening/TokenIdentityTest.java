package io.schedulr.scheduling.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.scheduling.api.Db;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** What a token must carry: our audience, and a verified email the mail path can send to. Never a 500. */
@QuarkusTest
class TokenIdentityTest {

    private static String email() {
        return "id-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = Tokens.withClaims(email(), "Other App", "aud=some-other-client");
        given().header("Authorization", "Bearer " + token).get("/api/practice-rooms").then().statusCode(401);
    }

    @Test
    void aTokenWithoutEmailOrWithAnUnverifiedOneGets403WithTheReason() {
        given().header("Authorization", "Bearer " + Tokens.withClaims(email(), "No Mail", "omit=email"))
                .get("/api/practice-rooms").then().statusCode(403).body("code", equalTo("email_required"));
        given().header("Authorization", "Bearer " + Tokens.withClaims(email(), "Unverified", "email_verified=false"))
                .get("/api/practice-rooms").then().statusCode(403).body("code", equalTo("email_unverified"));
    }

    @Test
    void anAddressTheMailPathCannotSendToIsRefusedBeforeAnyBooking() {
        for (String address : new String[]{"\"a b\"@x.com", "x@@x.com"}) {
            String token = Tokens.withClaims(address, "Odd Address", "sub=" + UUID.randomUUID());
            given().header("Authorization", "Bearer " + token).get("/api/practice-rooms").then().statusCode(403)
                    .body("code", equalTo("email_unusable"));
        }
    }

    @Test
    void controlCharactersInTheNameAreStrippedAndTheUserIsNotLockedOut() {
        String email = email();
        String token = Tokens.withClaims(email, "Nul\u0000Name\r\nBcc: x", "omit=nothing");
        given().header("Authorization", "Bearer " + token).get("/api/practice-rooms").then().statusCode(200);
        assertThat(Db.text("SELECT display_name FROM users WHERE email = ?", email)).isEqualTo("Nul Name Bcc: x");
    }
}
