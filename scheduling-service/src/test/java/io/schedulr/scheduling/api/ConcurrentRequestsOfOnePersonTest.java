package io.schedulr.scheduling.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import io.schedulr.testsupport.infra.InfraEndpoints;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refreshing the caller's profile on every call must not make one person's requests wait for each other: while
 * another transaction holds the person's row (as a concurrent request refreshing it does until it commits), a request
 * whose profile did not change goes through.
 */
@QuarkusTest
class ConcurrentRequestsOfOnePersonTest {
    @TestHTTPResource("/api/practice-rooms?scope=mine")
    URI mine;

    @Test
    void anUnchangedProfileIsNotLockedByTheRefresh() throws Exception {
        TestUser user = Tokens.newUser("Busy Person", "UTC");
        RoomApi.createRoom(user, 3);
        InfraEndpoints e = TestInfra.get();
        try (Connection inFlight = DriverManager.getConnection(e.jdbcUrl("scheduling"), e.postgresUser(), e.postgresPassword())) {
            inFlight.setAutoCommit(false);
            try (PreparedStatement s = inFlight.prepareStatement("SELECT 1 FROM users WHERE id = ? FOR NO KEY UPDATE")) {
                s.setString(1, user.id());
                s.executeQuery();
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(mine)
                    .header("Authorization", user.bearer()).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            inFlight.rollback();
        }
    }
}
