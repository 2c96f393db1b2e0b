package io.schedulr.scheduling.interview;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.schedulr.scheduling.api.Db;
import io.schedulr.scheduling.interview.InterviewFlowTest.Setup;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.infra.InfraEndpoints;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static io.schedulr.scheduling.interview.InterviewApi.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contact taken as a guest (which no foreign key guards: guests are the interview's JSON) and the same contact removed
 * at the same moment: one waits for the other, so no interview is left naming a contact that is gone. The other side of
 * each race is held open here in a transaction of the test's own.
 */
@QuarkusTest
class ContactRemovalRaceTest {

    @Test
    void aRemovalWhileAnInterviewTakesTheContactAsAGuestWaitsAndThenRefuses() throws Exception {
        Setup s = Setup.create();
        String max = InterviewApi.contact(s.ada(), s.startupId(), "Max " + s.tag(), "max-" + s.tag() + "@acme.test");

        Answers answers = removedWhileTakenAsAGuest(s, max, "/api/startups/" + s.startupId() + "/contacts/" + max);

        assertThat(answers.guests().statusCode()).as(answers.guests().body().asString()).isEqualTo(200);
        assertThat(answers.removal().statusCode()).as(answers.removal().body().asString()).isEqualTo(409);
        assertThat((String) answers.removal().path("code")).isEqualTo("contact_in_use");
        assertThat(Db.count("SELECT count(*) FROM startup_contact WHERE id = ?", UUID.fromString(max))).isEqualTo(1);
    }

    @Test
    void aStartupRemovedWhileAnotherStartupsInterviewTakesOneOfItsContactsAsAGuestWaitsAndThenRefuses() throws Exception {
        Setup s = Setup.create();
        String beta = InterviewApi.startup(s.ada(), "Beta " + s.tag());
        String bob = InterviewApi.contact(s.ada(), beta, "Bob " + s.tag(), "bob-" + s.tag() + "@beta.test");

        Answers answers = removedWhileTakenAsAGuest(s, bob, "/api/startups/" + beta);

        assertThat(answers.guests().statusCode()).as(answers.guests().body().asString()).isEqualTo(200);
        assertThat(answers.removal().statusCode()).as(answers.removal().body().asString()).isEqualTo(409);
        assertThat((String) answers.removal().path("code")).isEqualTo("startup_in_use");
        assertThat(Db.count("SELECT count(*) FROM startup_contact WHERE id = ?", UUID.fromString(bob))).isEqualTo(1);
    }

    @Test
    void anInterviewTakingAContactAsAGuestWhileItIsRemovedWaitsAndFindsItGone() throws Exception {
        Setup s = Setup.create();
        String max = InterviewApi.contact(s.ada(), s.startupId(), "Max " + s.tag(), "max-" + s.tag() + "@acme.test");
        String id = InterviewApi.draft(s.ada());
        ExtractableResponse<Response> guests;
        try (Connection other = open()) {
            // A removal under way: the contact's row deleted, not yet committed.
            try (PreparedStatement delete = other.prepareStatement("DELETE FROM startup_contact WHERE id = ?")) {
                delete.setObject(1, UUID.fromString(max));
                assertThat(delete.executeUpdate()).isEqualTo(1);
            }
            Future<ExtractableResponse<Response>> step = CompletableFuture.supplyAsync(() ->
                    step(s.ada(), id, "guests", "{\"guests\":[{\"contactId\":\"" + max + "\"}]}").extract());
            awaitWaitingOrDone(step, "%startup_contact%");
            other.commit();
            guests = step.get(30, TimeUnit.SECONDS);
        }

        assertThat(guests.statusCode()).as(guests.body().asString()).isEqualTo(404);
        assertThat((String) guests.path("code")).isEqualTo("contact_not_found");
        assertThat(Db.count("SELECT count(*) FROM interview WHERE id = ? AND guests::text LIKE ?", UUID.fromString(id), "%" + max + "%"))
                .as("no guest names the contact that is gone").isZero();
    }

    record Answers(ExtractableResponse<Response> guests, ExtractableResponse<Response> removal) {
    }

    /**
     * A new draft of Ada's takes {@code contactId} as a guest while Ben removes {@code removalPath}: the draft's row is held
     * in the test's own transaction, so the guests step, having read the contact, waits to save; the removal starts then.
     */
    private static Answers removedWhileTakenAsAGuest(Setup s, String contactId, String removalPath) throws Exception {
        String id = InterviewApi.draft(s.ada());
        try (Connection other = open()) {
            try (PreparedStatement hold = other.prepareStatement("SELECT 1 FROM interview WHERE id = ? FOR UPDATE")) {
                hold.setObject(1, UUID.fromString(id));
                assertThat(hold.executeQuery().next()).isTrue();
            }
            Future<ExtractableResponse<Response>> step = CompletableFuture.supplyAsync(() ->
                    step(s.ada(), id, "guests", "{\"guests\":[{\"contactId\":\"" + contactId + "\"}]}").extract());
            Db.awaitWaitingOnLock("update interview%");
            Future<ExtractableResponse<Response>> remove = CompletableFuture.supplyAsync(() -> given()
                    .header("Authorization", s.ben().bearer()).delete(removalPath).then().extract());
            awaitWaitingOrDone(remove, "%startup_contact%");
            other.commit();
            return new Answers(step.get(30, TimeUnit.SECONDS), remove.get(30, TimeUnit.SECONDS));
        }
    }

    private static Connection open() throws Exception {
        InfraEndpoints e = TestInfra.get();
        Connection connection = DriverManager.getConnection(e.jdbcUrl("scheduling"), e.postgresUser(), e.postgresPassword());
        connection.setAutoCommit(false);
        return connection;
    }

    /** Until the request waits for a lock on a statement like {@code pattern} (lower case), or has been answered without waiting. */
    private static void awaitWaitingOrDone(Future<?> request, String pattern) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!request.isDone() && Db.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND lower(query) LIKE ?",
                pattern) == 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the request neither waited for a lock like '" + pattern + "' nor was answered within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
