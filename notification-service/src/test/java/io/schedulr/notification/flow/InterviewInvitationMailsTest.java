package io.schedulr.notification.flow;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.schedulr.events.InterviewPerson;
import io.schedulr.notification.support.InterviewEvents;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.schedulr.events.InterviewEventType.INTERVIEW_CONFIRMED;
import static io.schedulr.events.InterviewEventType.INTERVIEW_SCHEDULED;
import static io.schedulr.notification.flow.InvitationFlowTest.onlyMail;
import static io.schedulr.notification.support.InterviewEvents.event;
import static io.schedulr.notification.support.InterviewEvents.person;
import static io.schedulr.notification.support.InterviewEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /internal/interviews/{id}/invitation-mails}: scheduling-service asks, with a service key in
 * {@code X-Schedulr-Service-Key} (the test profile configures two: {@value #KEY}, {@value #NEXT_KEY}), what became of an
 * interview's invitation mails: interview events on the real Kafka topic, mails in real inboxes, a bounce reported through
 * the mail provider's hook. Without a valid key, whatever else the request carries (a person's valid bearer token
 * included), 401 before anything else is looked at.
 */
@QuarkusTest
class InterviewInvitationMailsTest {
    static final String HEADER = "X-Schedulr-Service-Key";
    /** The test profile's keys (application.properties, %test): made up, never a real secret. */
    static final String KEY = "test-service-key-1";
    static final String NEXT_KEY = "test-service-key-2";
    static final Instant START = Instant.parse("2030-10-07T08:00:00Z");
    static final String URL = "https://app.cal.com/video/iv-mails-1";

    @BeforeAll
    static void topics() {
        InterviewEvents.ensureTopics();
    }

    static String path(String interviewId) {
        return "/internal/interviews/" + interviewId + "/invitation-mails";
    }

    static Response mails(String key, String interviewId) {
        RequestSpecification request = given().urlEncodingEnabled(false);
        if (key != null) {
            request = request.header(HEADER, key);
        }
        return request.get(path(interviewId));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> entries(Response answer) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        return (List<Map<String, Object>>) (List<?>) answer.jsonPath().getList("mails");
    }

    static Map<String, Object> entryOf(List<Map<String, Object>> entries, TestUser person) {
        return entries.stream().filter(e -> person.email().equalsIgnoreCase((String) e.get("recipient"))).findFirst()
                .orElseThrow(() -> new AssertionError("no entry for " + person.email() + " in " + entries));
    }

    @Test
    void eachPersonsLatestMailIsSentThenBouncedAsTheProviderReports() {
        TestUser ada = Tokens.newUser("Ada Interviewer", "Europe/Berlin");
        TestUser grace = Tokens.newUser("Grace Contact", "America/New_York");
        TestUser gus = Tokens.newUser("Gus Guest", "Asia/Tokyo");
        List<TestUser> everyone = List.of(ada, grace, gus);
        InterviewPerson broken = new InterviewPerson(null, "Broken Guest", "not an address", null, null, "UTC", InterviewPerson.Kind.GUEST);
        List<InterviewPerson> people = List.of(person(ada, InterviewPerson.Kind.PRIMARY_INTERVIEWER, "Partner", null),
                person(grace, InterviewPerson.Kind.CONTACT, "CEO", "Acme Robotics"), broken, person(gus, InterviewPerson.Kind.GUEST, null, null));
        String id = InterviewEvents.newInterviewId();

        // scheduled, then confirmed with the join link: everyone gets two mails, the latest at SEQUENCE 1
        publish(event(INTERVIEW_SCHEDULED, id, 0, START, null, people, null));
        for (TestUser p : everyone) {
            onlyMail(p, 1);
        }
        publish(event(INTERVIEW_CONFIRMED, id, 1, START, URL, people, null));
        String graceMessageId = onlyMail(grace, 2).header("Message-ID");
        for (TestUser p : List.of(ada, gus)) {
            onlyMail(p, 2);
        }

        // the mail reaches the inbox a moment before its attempt is recorded as sent
        List<Map<String, Object>> sent = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> entries(mails(KEY, id)), e -> e.size() == 4 && e.stream().filter(m -> "SENT".equals(m.get("state"))).count() == 3);
        assertThat(sent).extracting(e -> e.get("recipient")).as("in the order they were first mailed, the unusable address last")
                .containsExactly(ada.email(), grace.email(), gus.email(), "not an address");
        for (TestUser p : everyone) {
            Map<String, Object> entry = entryOf(sent, p);
            assertThat(entry).containsEntry("method", "REQUEST").containsEntry("sequence", 1).containsEntry("state", "SENT")
                    .containsEntry("detail", null);
            assertThat(Instant.parse((String) entry.get("at"))).isBetween(Instant.now().minusSeconds(120), Instant.now());
        }
        assertThat(sent.get(3)).containsEntry("state", "UNDELIVERABLE").containsEntry("sequence", 1);
        assertThat((String) sent.get(3).get("detail")).contains("not an address mail can be sent to");
        assertThat(sent.get(0).keySet()).containsExactlyInAnyOrder("recipient", "method", "sequence", "state", "at", "detail");

        // the provider reports that Grace's mail bounced
        InvitationFlowTest.hook(InvitationFlowTest.SECRET, "{\"messageId\":\"" + graceMessageId + "\",\"status\":\"bounced\","
                + "\"detail\":\"550 5.1.1 mailbox unavailable\"}").then().statusCode(202);

        List<Map<String, Object>> bounced = entries(mails(NEXT_KEY, id));
        assertThat(entryOf(bounced, grace)).containsEntry("state", "BOUNCED").containsEntry("detail", "550 5.1.1 mailbox unavailable")
                .containsEntry("sequence", 1);
        assertThat(Instant.parse((String) entryOf(bounced, grace).get("at")))
                .isAfterOrEqualTo(Instant.parse((String) entryOf(sent, grace).get("at")));
        for (TestUser p : List.of(ada, gus)) {
            assertThat(entryOf(bounced, p)).as("the others' mails").containsEntry("state", "SENT");
        }
    }

    @Test
    void anInterviewNothingIsRecordedForHasNoMails() {
        Response answer = mails(KEY, UUID.randomUUID().toString());

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(answer.asString().replace(" ", "")).isEqualTo("{\"mails\":[]}");
    }

    @Test
    void withoutAValidKeyItIs401BeforeAnythingElseIsLookedAt() {
        String unknown = UUID.randomUUID().toString();
        for (String target : List.of(path(unknown), path("nope"), path(unknown) + "?x=1")) {
            assertUnauthorized(given().urlEncodingEnabled(false).get(target), "no header, " + target);
            assertUnauthorized(given().urlEncodingEnabled(false).header(HEADER, "test-service-key-3").get(target), "a wrong key, " + target);
        }
        for (String wrong : List.of("", " ", "test-service-key-", "TEST-SERVICE-KEY-1", "test-service-key-1x",
                "test-service-key-1,test-service-key-2", "Bearer " + KEY)) {
            assertUnauthorized(given().header(HEADER, wrong).get(path(unknown)), "key '" + wrong + "'");
        }
        assertThat(mails(NEXT_KEY, unknown).statusCode()).as("the second configured key opens too").isEqualTo(200);
    }

    @Test
    void aBearerTokenNeitherOpensItNorStandsInTheWay() {
        TestUser person = Tokens.newUserWithRoles("Tia Token", "UTC", "admin");
        String unknown = UUID.randomUUID().toString();

        assertUnauthorized(given().header("Authorization", person.bearer()).get(path(unknown)), "an operator's valid token");
        assertUnauthorized(given().header("Authorization", person.bearer()).header(HEADER, "test-service-key-3").get(path(unknown)),
                "a valid token and a wrong key");
        assertUnauthorized(given().header("Authorization", "Bearer " + KEY).get(path(unknown)), "the key as a bearer token");

        Response refusedToken = given().header("Authorization", "Bearer " + Tokens.Refused.EXPIRED.token()).header(HEADER, KEY)
                .get(path(unknown));
        assertThat(refusedToken.statusCode()).as("the key with an expired token: " + refusedToken.asString()).isEqualTo(200);
    }

    @Test
    void queryParametersAndIdsThatAreNotCanonicalUuidsAreRefusedAfterTheKey() {
        String unknown = UUID.randomUUID().toString();
        for (String query : List.of("?x=1", "?interviewId=" + unknown, "?limit=5&x=1")) {
            Response answer = given().urlEncodingEnabled(false).header(HEADER, KEY).get(path(unknown) + query);
            assertRefused(answer, 400, "unknown_parameter", query);
        }
        for (String id : List.of("nope", "42", unknown.toUpperCase(Locale.ROOT), unknown.replace("-", ""), unknown + "x", "1-1-1-1-1",
                "interview:" + unknown, "%27%20OR%201=1%20--", unknown + "%00", "y".repeat(2_000))) {
            Response answer = mails(KEY, id);
            assertRefused(answer, 400, "invalid_interview_id", id);
            assertThat(answer.jsonPath().getString("message")).hasSizeLessThan(300).doesNotContain("y".repeat(60));
        }
    }

    static void assertUnauthorized(Response answer, String what) {
        assertRefused(answer, 401, "unauthorized", what);
        assertThat(answer.jsonPath().getString("message")).as(what).contains(HEADER).doesNotContain(KEY).doesNotContain(NEXT_KEY);
    }

    static void assertRefused(Response answer, int status, String code, String what) {
        assertThat(answer.statusCode()).as(what + ": " + answer.asString()).isEqualTo(status);
        assertThat(answer.contentType()).as(what).startsWith("application/json");
        assertThat(answer.jsonPath().getString("code")).as(what).isEqualTo(code);
    }
}
