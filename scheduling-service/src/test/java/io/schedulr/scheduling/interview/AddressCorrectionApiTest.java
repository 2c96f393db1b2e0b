package io.schedulr.scheduling.interview;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.InterviewEvent;
import io.schedulr.events.InterviewEventType;
import io.schedulr.events.InterviewPerson;
import io.schedulr.events.Topics;
import io.schedulr.scheduling.api.Db;
import io.schedulr.scheduling.interview.InterviewFlowTest.Setup;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.schedulr.scheduling.interview.InterviewApi.get;
import static io.schedulr.scheduling.interview.InterviewApi.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A contact's or team member's corrected address reaches a sent interview: everyone is told again (the event
 * {@code io.schedulr.interview.attendees-changed.v1}, same time, higher SEQUENCE) naming the new address, and a guest
 * taken from the contact takes it.
 */
@QuarkusTest
class AddressCorrectionApiTest {

    private static ValidatableResponse patch(TestUser who, String path, String body) {
        return given().header("Authorization", who.bearer()).contentType(ContentType.JSON).body(body).patch(path).then();
    }

    @Test
    void correctingAContactsAndAMembersAddressInvitesTheNewAddressToTheSentInterview() {
        Setup s = Setup.create();
        String id = s.readyDraft(InterviewApi.hoursAhead(23, 10));
        try (TopicProbe events = TopicProbe.fromNow(Topics.INTERVIEW_EVENTS)) {
            send(s.ada(), id).statusCode(200);
            String linusNew = "linus.new-" + s.tag() + "@acme.test";
            // Linus is the draft's second guest, taken from his contact; Ben (a colleague, not an editor) corrects him
            patch(s.ben(), "/api/startups/" + s.startupId() + "/contacts/" + s.otherContactId(), "{\"email\":\"" + linusNew + "\"}")
                    .statusCode(200).body("email", equalTo(linusNew));
            get(s.ada(), "/api/interviews/" + id).statusCode(200).body("sequence", equalTo(1))
                    .body("guests[1].email", equalTo(linusNew)).body("guests[1].invitationStatus", equalTo("sent"));

            String graceNew = "grace.new-" + s.tag() + "@acme.test";
            patch(s.ada(), "/api/startups/" + s.startupId() + "/contacts/" + s.contactId(), "{\"email\":\"" + graceNew + "\"}").statusCode(200);
            String benNew = "ben.new-" + s.tag() + "@fund.test";
            patch(s.admin(), "/api/team-members/" + s.benId(), "{\"email\":\"" + benNew + "\"}").statusCode(200);

            List<CloudEvent<InterviewEvent>> told = events.await(r -> id.equals(r.key()), 4, Duration.ofSeconds(20)).stream()
                    .map(r -> EventCodec.decodeInterviewEvent(r.value())).toList();
            String changed = InterviewEventType.INTERVIEW_ATTENDEES_CHANGED.cloudEventType();
            assertThat(told).extracting(CloudEvent::type)
                    .containsExactly(InterviewEventType.INTERVIEW_SCHEDULED.cloudEventType(), changed, changed, changed);
            assertThat(told).extracting(e -> e.data().sequence()).containsExactly(0, 1, 2, 3);
            assertThat(told).extracting(e -> e.data().startUtc()).containsOnly(told.get(0).data().startUtc());
            assertThat(emails(told.get(1))).contains(linusNew).doesNotContain("linus-" + s.tag() + "@acme.test");
            assertThat(told.get(1).data().reason()).isEqualTo("Linus " + s.tag() + " is now reached at " + linusNew + ".");
            assertThat(emails(told.get(2))).contains(linusNew, graceNew).doesNotContain("grace-" + s.tag() + "@acme.test");
            assertThat(emails(told.get(3))).contains(benNew, graceNew, linusNew);
            assertThat(events.collect(r -> id.equals(r.key()), Duration.ofSeconds(1))).hasSize(4);
        }
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'interview.address_corrected'", id))
                .isEqualTo(3);
        // A name alone tells nobody.
        patch(s.ada(), "/api/startups/" + s.startupId() + "/contacts/" + s.contactId(), "{\"name\":\"Grace Hopper\"}").statusCode(200);
        get(s.ada(), "/api/interviews/" + id).body("sequence", equalTo(3));
    }

    private static List<String> emails(CloudEvent<InterviewEvent> event) {
        return event.data().people().stream().map(InterviewPerson::email).toList();
    }
}
