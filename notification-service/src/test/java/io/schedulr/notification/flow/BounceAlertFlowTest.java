package io.schedulr.notification.flow;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.InterviewPerson;
import io.schedulr.notification.support.Db;
import io.schedulr.notification.support.InterviewEvents;
import io.schedulr.notification.support.InviteMails;
import io.schedulr.testsupport.Mailboxes;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.schedulr.events.InterviewEventType.INTERVIEW_SCHEDULED;
import static io.schedulr.notification.flow.InvitationFlowTest.hook;
import static io.schedulr.notification.flow.InvitationFlowTest.onlyMail;
import static io.schedulr.notification.support.InterviewEvents.event;
import static io.schedulr.notification.support.InterviewEvents.person;
import static io.schedulr.notification.support.InterviewEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the mail provider reports that an interview's invitation bounced, the interview's organizer (the primary
 * interviewer) gets one mail saying so, with the reason and the interview's page: interview events on the real Kafka topic,
 * mails in real GreenMail inboxes, the reports through the provider's hook, the alert's row in PostgreSQL.
 */
@QuarkusTest
class BounceAlertFlowTest {
    static final Instant START = Instant.parse("2030-11-04T15:00:00Z");

    @BeforeAll
    static void topics() {
        InterviewEvents.ensureTopics();
    }

    static List<MimeMessage> alerts(TestUser person) {
        return Mailboxes.inbox(person.email()).stream().filter(m -> subject(m).startsWith("Not delivered:")).toList();
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void report(String messageId, String status, String detail) {
        hook(InvitationFlowTest.SECRET, "{\"messageId\":\"" + messageId + "\",\"status\":\"" + status + "\",\"detail\":\"" + detail + "\"}")
                .then().statusCode(202);
    }

    @Test
    void theOrganizerIsToldOnceWhenAContactsInvitationBouncesAndNotAboutTheirOwnOrAMailThatArrived() {
        TestUser ada = Tokens.newUser("Ada Organizer", "Europe/Berlin");
        TestUser grace = Tokens.newUser("Grace Contact", "America/New_York");
        TestUser gus = Tokens.newUser("Gus Guest", "Asia/Tokyo");
        String id = InterviewEvents.newInterviewId();
        publish(event(INTERVIEW_SCHEDULED, id, 0, START, null, List.of(person(ada, InterviewPerson.Kind.PRIMARY_INTERVIEWER, "Partner", null),
                person(grace, InterviewPerson.Kind.CONTACT, "CEO", "Acme Robotics"), person(gus, InterviewPerson.Kind.GUEST, null, null)), null));
        String adaMessage = onlyMail(ada, 1).header("Message-ID");
        String graceMessage = onlyMail(grace, 1).header("Message-ID");
        String gusMessage = onlyMail(gus, 1).header("Message-ID");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                "SELECT count(*) FROM delivery WHERE room_id = 'interview:" + id + "' AND status = 'SENT'") == 3);

        report(gusMessage, "delivered", "250 ok");
        report(adaMessage, "bounced", "550 5.2.2 mailbox full");
        report(graceMessage, "bounced", "550 5.1.1 mailbox unavailable");
        report(graceMessage, "rejected", "554 5.7.1 rejected");

        List<MimeMessage> alerts = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> alerts(ada), found -> !found.isEmpty());
        InviteMails alert = InviteMails.of(alerts.get(0));
        assertThat(subject(alerts.get(0))).startsWith("Not delivered: the invitation to Grace Contact for ");
        assertThat(alert.text("text/plain"))
                .contains("Hello Ada Organizer,")
                .contains("that Schedulr sent on your behalf to Grace Contact <" + grace.email() + "> did not arrive: it bounced.")
                .contains("Reason: 550 5.1.1 mailbox unavailable")
                .contains("(Europe/Berlin, CET)")
                .contains("#/interviews/" + id);
        assertThat(alert.header("Message-ID")).contains("bounce-alert-");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Db.count("SELECT count(*) FROM bounce_alert a JOIN delivery d "
                + "ON d.id = a.delivery_id WHERE d.room_id = 'interview:" + id + "' AND a.status = 'SENT' AND a.attempts = 0") == 1);

        // a few more rounds of the sender (every second in tests): the rejection after the bounce adds no second alert
        InvitationFlowTest.sleep(Duration.ofSeconds(3));
        assertThat(alerts(ada)).as("one alert, about Grace's mail only").hasSize(1);
        assertThat(Db.count("SELECT count(*) FROM bounce_alert a JOIN delivery d ON d.id = a.delivery_id WHERE d.room_id = 'interview:"
                + id + "'")).as("Ada's own bounce and Gus's delivered mail plan none").isEqualTo(1);
        for (TestUser other : List.of(grace, gus)) {
            assertThat(alerts(other)).as("only the organizer is told").isEmpty();
        }
    }
}
