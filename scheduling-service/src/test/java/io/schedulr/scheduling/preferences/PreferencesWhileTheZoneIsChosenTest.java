package io.schedulr.scheduling.preferences;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.schedulr.scheduling.api.Db;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import io.schedulr.testsupport.infra.InfraEndpoints;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person changes their reminder preferences while their first choice of zone is being stored (its transaction holding
 * their row, here held open on purpose). The preferences' announcement waits for it and carries the zone chosen, so the
 * last record of the person on {@code scheduling.reminder-preferences.v1} has both, whichever commits last.
 */
@QuarkusTest
class PreferencesWhileTheZoneIsChosenTest {

    @Test
    void thePreferencesAnnouncedWhileAFirstZoneIsBeingChosenCarryThatZone() throws Exception {
        String email = "google-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String token = Tokens.withClaims(email, "Pia Prefers", "omit=zoneinfo");
        String id = given().header("Authorization", "Bearer " + token).get("/api/whoami").then().statusCode(200).extract().path("id");
        TestUser pia = new TestUser(id, email, "Pia Prefers", null, token);
        given().header("Authorization", pia.bearer()).get("/api/me/time-zone").then().statusCode(200);

        ExtractableResponse<Response> answer;
        InfraEndpoints e = TestInfra.get();
        try (Connection choosing = DriverManager.getConnection(e.jdbcUrl("scheduling"), e.postgresUser(), e.postgresPassword())) {
            choosing.setAutoCommit(false);
            try (PreparedStatement s = choosing.prepareStatement(
                    "UPDATE users SET time_zone = 'Asia/Tokyo', time_zone_chosen = true WHERE id = ?")) {
                s.setString(1, pia.id());
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<ExtractableResponse<Response>> preferences = CompletableFuture.supplyAsync(() -> given()
                    .header("Authorization", pia.bearer()).contentType("application/json")
                    .body("{\"reminderMinutes\":[20],\"reminderChannel\":\"email\"}").put("/api/me/preferences").then().extract());
            Db.awaitWaitingOnLock("select case when time_zone_chosen%");
            choosing.commit();
            answer = preferences.get(20, TimeUnit.SECONDS);
        }

        assertThat(answer.statusCode()).as(answer.body().asString()).isEqualTo(200);
        assertThat(Db.text("SELECT payload->'data'->>'timeZone' FROM outbox WHERE topic = 'scheduling.reminder-preferences.v1' "
                + "AND message_key = ? ORDER BY id DESC LIMIT 1", pia.id())).isEqualTo("Asia/Tokyo");
    }
}
