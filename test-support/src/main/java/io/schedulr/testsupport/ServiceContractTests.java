package io.schedulr.testsupport;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * What every service promises, inherited by each service's {@code @QuarkusTest ServiceReadinessTest}: ready against the
 * real PostgreSQL and without Kafka's broker check (a Kafka outage is every replica's at once: the outboxes and consumers
 * wait it out, and replicas all taken out of their Service for it would refuse requests that work), tokens of the issuer
 * accepted, missing/forged/expired/garbage tokens refused with 401.
 */
public abstract class ServiceContractTests {

    private static final String KAFKA_CHECK = "Kafka connection health check";

    @Test
    void isReadyAgainstTheRealPostgres() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check"))
                .body("checks.name", not(hasItem(KAFKA_CHECK)));
    }

    @Test
    void acceptsATokenOfTheIssuer() {
        TestUser alice = Tokens.newUser("Alice", "Europe/Berlin");
        given().header("Authorization", alice.bearer()).get("/api/whoami").then().statusCode(200)
                .body("id", equalTo(alice.id()))
                .body("email", equalTo(alice.email()))
                .body("timeZone", equalTo("Europe/Berlin"));
    }

    @Test
    void refusesMissingForgedAndExpiredTokens() {
        given().get("/api/whoami").then().statusCode(401).body("code", equalTo("unauthorized"));
        given().header("Authorization", "Bearer " + Tokens.forged("mallory@example.com")).get("/api/whoami")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + Tokens.expired("late@example.com")).get("/api/whoami")
                .then().statusCode(401);
        given().header("Authorization", "Bearer not-a-jwt").get("/api/whoami").then().statusCode(401);
    }
}
