package io.schedulr.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.testsupport.ServiceContractTests;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * Readiness leaves Kafka out (the inherited {@link ServiceContractTests#isReadyAgainstTheRealPostgres()} checks that the
 * broker check is absent): a Kafka outage would otherwise take every replica out of the Service at once and refuse the
 * mail provider's status hook and scheduling-service's invitation-mails calls, which need only PostgreSQL. The stuck
 * consumer check stays (StuckConsumerReadinessTest).
 */
@QuarkusTest
class ServiceReadinessTest extends ServiceContractTests {

    @Test
    void theRoomEventConsumerIsAlive() {
        given().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Room events consumer"));
    }

    @Test
    void readinessChecksNoKafkaConnectionOfAnyChannelButStillTheStuckConsumer() {
        List<Map<String, Object>> checks = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath().getList("checks");

        assertThat(checks).extracting(c -> c.get("name")).contains("Room events consumer");
        assertThat(checks).allSatisfy(check -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) check.getOrDefault("data", Map.of());
            assertThat(data == null ? Map.of() : data).as("check %s", check.get("name"))
                    .doesNotContainKeys("room-events", "mirror-failures", "interview-events", "reminder-preferences");
        });
    }
}
