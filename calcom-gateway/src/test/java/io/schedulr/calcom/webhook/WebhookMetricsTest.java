package io.schedulr.calcom.webhook;

import io.schedulr.testsupport.Metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cal.com's webhook deliveries show on {@code /q/metrics} as accepted, duplicate or rejected (docs/operations.md,
 * "Metrics"): a local Cal.com books and duplicates its deliveries over HTTP, as in {@link CalcomWebhookTest}.
 */
@QuarkusTest
class WebhookMetricsTest {
    private static final String WEBHOOKS = "schedulr_calcom_webhooks_total";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static LocalCalcomDriver calcom;

    @BeforeEach
    void start() throws Exception {
        if (calcom == null) {
            calcom = LocalCalcomDriver.start(CalcomWebhookTest.webhookUrl(), CalcomWebhookTest.newSecret());
        }
    }

    @AfterAll
    static void stop() {
        if (calcom != null) {
            calcom.close();
            calcom = null;
        }
    }

    @Test
    void aBookingIsAcceptedAndItsCopyCountedAsDuplicate() throws Exception {
        String published = "detail=\"published\"";
        double accepted = Metrics.count(WEBHOOKS, "outcome=\"accepted\"", published);
        double duplicates = Metrics.count(WEBHOOKS, "outcome=\"duplicate\"");

        JsonNode booking = calcom.book(LocalCalcomDriver.freshSlot(), "metrics@candidate.test");
        await().atMost(WAIT).until(() -> Metrics.count(WEBHOOKS, "outcome=\"accepted\"", published) == accepted + 1);

        long original = calcom.deliveryOf("BOOKING_CREATED", booking.get("uid").asText());
        calcom.control("deliveries/" + original + "/duplicate", "{\"copies\":1}");
        await().atMost(WAIT).until(() -> Metrics.count(WEBHOOKS, "outcome=\"duplicate\"") == duplicates + 1);
        assertThat(Metrics.count(WEBHOOKS, "outcome=\"accepted\"", published)).as("the copy announced nothing").isEqualTo(accepted + 1);
    }

    @Test
    void anUnsignedDeliveryIsCountedAsRejected() {
        String unsigned = "detail=\"invalid_signature\"";
        double rejected = Metrics.count(WEBHOOKS, "outcome=\"rejected\"", unsigned);

        given().contentType(ContentType.JSON).body("{\"triggerEvent\":\"BOOKING_CREATED\",\"payload\":{}}").post("/webhooks/calcom")
                .then().statusCode(401);

        assertThat(Metrics.count(WEBHOOKS, "outcome=\"rejected\"", unsigned)).isEqualTo(rejected + 1);
    }
}
