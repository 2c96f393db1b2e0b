package io.schedulr.calcom.calcomapi;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.schedulr.testsupport.TestUser;
import io.schedulr.calcom.application.port.in.LookUpMissedChangesUseCase;
import io.schedulr.testsupport.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Against a local Cal.com that allows 2 requests a second (then blocks the key for a second, answering 429
 * ThrottlerException without Retry-After): a request that meets the block waits it out and succeeds, and the log
 * says what happened with the endpoint, Cal.com's code and a correlation id. Look-ups leave a nearly spent window to people.
 */
@QuarkusTest
@TestProfile(Profiles.RateLimited.class)
class CalcomRateLimitTest {
    @Inject
    LookUpMissedChangesUseCase lookUp;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void a429IsWaitedOutAndTheRequestThenSucceeds() throws Exception {
        TestUser person = Tokens.newUser("Rate Limited", "UTC");
        Thread.sleep(1100);
        LocalCalcomData.resetRateLimit(LocalCalcomApiResource.rateLimited());
        // two requests to Cal.com (personal and team event types): the whole budget of this second
        given().header("Authorization", person.bearer()).get("/api/calcom/event-types").then().statusCode(200);

        Instant before = Instant.now();
        Response response = given().header("Authorization", person.bearer()).get("/api/calcom/event-types");
        Duration took = Duration.between(before, Instant.now());

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getList("slug")).contains("interview-30");
        assertThat(took).as("waited for the block to end").isGreaterThanOrEqualTo(Duration.ofMillis(900));
        String log = Files.readString(Path.of(LocalCalcomApiResource.LOG_FILE));
        assertThat(log).containsPattern("Cal\\.com GET /v2/event-types answered 429 ThrottlerException: .* \\[correlation [0-9a-f-]{36}\\]; "
                + "no request for \\d+ ms");
    }

    /**
     * Look-ups are background work: while Cal.com's last answer says the key's window is nearly spent, a round asks Cal.com
     * nothing and claims nothing, and the next window is theirs again.
     */
    @Test
    void lookUpsLeaveTheRestOfANearlySpentWindowToPeople() throws Exception {
        TestUser person = Tokens.newUser("Rate Aware", "UTC");
        String meeting = "000-budget-" + UUID.randomUUID() + "@Cal.com";
        String uid = "budget-" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO meeting_state (ical_uid, sequence, cancelled, uid, ends_at) "
                        + "VALUES (?, 0, false, ?, now() + interval '1 day')")) {
            s.setString(1, meeting);
            s.setString(2, uid);
            s.executeUpdate();
        }
        // Other tests' meetings and bookings in this database are not due now: a round claims a batch, and the two requests of
        // a window would go to whichever of them it takes first.
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE meeting_state SET looked_up_at = now() WHERE ical_uid <> ?")) {
            s.setString(1, meeting);
            s.executeUpdate();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE booking_made SET looked_up_at = now()")) {
            s.executeUpdate();
        }
        Thread.sleep(1100);
        LocalCalcomData.resetRateLimit(LocalCalcomApiResource.rateLimited());
        // two requests to Cal.com (personal and team event types): the window's whole budget
        given().header("Authorization", person.bearer()).get("/api/calcom/event-types").then().statusCode(200);
        int calls = LocalCalcomData.calls(LocalCalcomApiResource.rateLimited()).size();

        lookUp.lookUpDue();

        assertThat(LocalCalcomData.calls(LocalCalcomApiResource.rateLimited())).as("Cal.com not asked").hasSize(calls);
        assertThat(lookedUp(meeting)).as("not claimed either").isFalse();

        // A new window (one second here; how its end is read is rounded, so a round may come a moment early and wait again)
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(1100)).pollInterval(Duration.ofMillis(500)).until(() -> {
            lookUp.lookUpDue();
            return !LocalCalcomData.answered(LocalCalcomApiResource.rateLimited(), "GET", "/v2/bookings/" + uid).isEmpty();
        });
        assertThat(LocalCalcomData.answered(LocalCalcomApiResource.rateLimited(), "GET", "/v2/bookings/" + uid))
                .as("a new window: looked up (Cal.com does not know it)").containsExactly(404);
        assertThat(lookedUp(meeting)).isTrue();
    }

    private boolean lookedUp(String meeting) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT looked_up_at IS NOT NULL FROM meeting_state WHERE ical_uid = ?")) {
            s.setString(1, meeting);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
