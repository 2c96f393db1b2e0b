package io.schedulr.testsupport;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * What every service promises, inherited by each service's {@code @QuarkusTest ServiceReadinessTest}: ready against the
 * real PostgreSQL (and Kafka, where {@link #kafkaInReadiness()} says so), tokens of the issuer accepted, missing/forged/expired/garbage tokens refused with 401.
 */
public abstract class ServiceContractTests {

    private static final String KAFKA_CHECK = "Kafka connection health check";

    /**
     * Whether a Kafka outage makes the service not ready. Only notification-service's: the others' outboxes and consumers
     * wait Kafka out, and a replica taken out of its Service for it would refuse requests that work.
     */
    protected boolean kafkaInReadiness() {
        return false;
    }

    @Test
    void isReadyAgainstTheRealPostgres() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check"))
                .body("checks.name", kafkaInReadiness() ? hasItem(KAFKA_CHECK) : not(hasItem(KAFKA_CHECK)));
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
