package io.schedulr.calendarsync.adapter.out.persistence;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.calendarsync.connection.ConnectionRows;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL ends every connection the service holds (a failover, a restart, an idle cut by a proxy): the pool must not
 * hand a dead one to the next person. Before validation on borrow, each dead pooled connection cost one request a 500.
 */
@QuarkusTest
class DatabaseConnectionsCutTest {
    private static final String SERVICE_CONNECTIONS = "FROM pg_stat_activity WHERE datname = 'calendar_sync' "
            + "AND backend_type = 'client backend' AND pid <> pg_backend_pid()";

    @Test
    void everyRequestAfterTheServersConnectionsWereEndedIsAnswered() {
        TestUser person = Tokens.newUser("Cut Over", "UTC");
        for (int i = 0; i < 5; i++) {
            connectionOf(person);
        }

        assertThat(ConnectionRows.count("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) " + SERVICE_CONNECTIONS + ") t"))
                .as("connections ended").isPositive();

        for (int i = 0; i < 15; i++) {
            connectionOf(person);
        }
    }

    private static void connectionOf(TestUser person) {
        given().header("Authorization", person.bearer()).get("/api/calendar/connection").then().statusCode(200);
    }
}
