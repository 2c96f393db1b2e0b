package io.schedulr.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.testsupport.ServiceContractTests;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class ServiceReadinessTest extends ServiceContractTests {

    @Override
    protected boolean kafkaInReadiness() {
        return true;
    }

    @Test
    void theRoomEventConsumerIsAlive() {
        given().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Room events consumer"));
    }
}
