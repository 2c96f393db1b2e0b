package io.schedulr.calcom.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.schedulr.calcom.domain.WebhookSignature;
import io.schedulr.testsupport.TestConnections;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL ends every connection the service holds (a failover, a restart, an idle cut by a proxy): the pool must not
 * hand a dead one to the next delivery. Before validation on borrow, each dead pooled connection cost one webhook a 500,
 * which Cal.com retries, and the booking reached scheduling-service late.
 */
@QuarkusTest
class DatabaseConnectionsCutTest {
    private static final String SERVICE_CONNECTIONS = "FROM pg_stat_activity WHERE datname = 'calcom_gateway' "
            + "AND backend_type = 'client backend' AND pid <> pg_backend_pid()";

    @Test
    void everyDeliveryAfterTheServersConnectionsWereEndedIsTaken() throws SQLException {
        for (int i = 0; i < 5; i++) {
            deliver();
        }

        assertThat(ended()).as("connections ended").isPositive();

        for (int i = 0; i < 15; i++) {
            deliver();
        }
    }

    private static void deliver() {
        long n = System.nanoTime();
        byte[] body = ("{\"triggerEvent\":\"BOOKING_CREATED\",\"createdAt\":\"2030-01-01T00:00:00.000Z\",\"payload\":{\"uid\":\"cut-uid-" + n
                + "\",\"iCalUID\":\"cut-" + n + "@Cal.com\",\"iCalSequence\":0,\"startTime\":\"2030-01-07T09:00:00Z\","
                + "\"endTime\":\"2030-01-07T09:30:00Z\",\"title\":\"After a failover\"}}").getBytes(StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON).header("X-Cal-Signature-256", new WebhookSignature(CalcomWebhookTest.newSecret()).sign(body))
                .body(body).post("/webhooks/calcom").then().statusCode(200);
    }

    private static long ended() throws SQLException {
        try (Statement statement = TestConnections.to("calcom_gateway").createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) " + SERVICE_CONNECTIONS + ") t")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
