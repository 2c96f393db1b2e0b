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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.schedulr.scheduling.interview.InterviewApi.get;
import static io.schedulr.scheduling.interview.InterviewApi.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * The guests of a sent interview changed by who sent it: the answer, the interview event everyone is told through (real
 * PostgreSQL, outbox and Kafka), the audit row; a change that names the same addresses tells nobody.
 */
@QuarkusTest
class InterviewGuestsChangeTest {

    private static ValidatableResponse changeGuests(TestUser who, String id, String body) {
        return given().header("Authorization", who.bearer()).contentType(ContentType.JSON).body(body)
                .put("/api/interviews/" + id + "/guests").then();
    }

    @Test
    void theSenderAddsAGuestAndTakesOneOffAndEveryoneNamedNowIsToldOnce() {
        Setup s = Setup.create();
        String id = s.readyDraft(InterviewApi.hoursAhead(22, 9));
        String gus = "gus-" + s.tag() + "@guest.test";
        String olive = "olive-" + s.tag() + "@partner.test";
        String linus = "linus-" + s.tag() + "@acme.test";
        String guests = "{\"guests\":[{\"contactId\":\"" + s.otherContactId() + "\"},{\"name\":\"Gus Guest\",\"email\":\"" + gus + "\"}]}";
        try (TopicProbe events = TopicProbe.fromNow(Topics.INTERVIEW_EVENTS)) {
            send(s.ada(), id).statusCode(200);

            changeGuests(s.ben(), id, guests).statusCode(403).body("code", equalTo("not_interview_sender"));
            changeGuests(s.ada(), id, guests).statusCode(200).body("sequence", equalTo(1))
                    .body("guests.email", contains(linus, gus)).body("guests.invitationStatus", contains("sent", "sent"))
                    .body("changeable", equalTo(true));
            // the same addresses again, one with a role now: kept, nobody told
            changeGuests(s.ada(), id, "{\"guests\":[{\"contactId\":\"" + s.otherContactId() + "\"},{\"name\":\"Gus Guest\",\"email\":\""
                    + gus.toUpperCase() + "\",\"role\":\"Advisor\"}]}").statusCode(200).body("sequence", equalTo(1))
                    .body("guests[1].role", equalTo("Advisor"));

            List<ConsumerRecord<String, String>> records = events.await(r -> id.equals(r.key()), 2, Duration.ofSeconds(20));
            List<CloudEvent<InterviewEvent>> told = records.stream().map(r -> EventCodec.decodeInterviewEvent(r.value())).toList();
            assertThat(told).extracting(CloudEvent::type).containsExactly(InterviewEventType.INTERVIEW_SCHEDULED.cloudEventType(),
                    InterviewEventType.INTERVIEW_ATTENDEES_CHANGED.cloudEventType());
            InterviewEvent changed = told.get(1).data();
            assertThat(changed.sequence()).isEqualTo(1);
            assertThat(changed.reason()).isEqualTo("Gus Guest joins; Olive Observer no longer takes part.");
            assertThat(changed.people()).extracting(InterviewPerson::email).contains(gus, linus).doesNotContain(olive);
            assertThat(events.collect(r -> id.equals(r.key()), Duration.ofSeconds(1))).as("nothing for the role alone").hasSize(2);
        }
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND actor_id = ? AND action = 'interview.guests_changed'",
                id, s.ada().id())).isEqualTo(2);
        get(s.admin(), "/api/interviews/" + id).statusCode(200).body("guests.email", contains(linus, gus));
    }
}
