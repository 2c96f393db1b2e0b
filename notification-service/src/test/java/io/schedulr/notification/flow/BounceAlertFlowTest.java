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

import static io.schedulr.events.InterviewEventType.INTERVIEW_ATTENDEES_CHANGED;
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

    static void awaitSent(String interviewId, int mails) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                "SELECT count(*) FROM delivery WHERE room_id = 'interview:" + interviewId + "' AND status = 'SENT'") == mails);
    }

    static List<MimeMessage> awaitAlerts(TestUser organizer) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> alerts(organizer), found -> !found.isEmpty());
    }

    static long alertRows(String interviewId) {
        return Db.count("SELECT count(*) FROM bounce_alert a JOIN delivery d ON d.id = a.delivery_id WHERE d.room_id = 'interview:"
                + interviewId + "'");
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
        awaitSent(id, 3);

        report(gusMessage, "delivered", "250 ok");
        report(adaMessage, "bounced", "550 5.2.2 mailbox full");
        report(graceMessage, "bounced", "550 5.1.1 mailbox unavailable");
        report(graceMessage, "rejected", "554 5.7.1 rejected");

        List<MimeMessage> alerts = awaitAlerts(ada);
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

        // Mails are only sent for alert rows, so one row, sent at its first attempt, is one mail: the rejection after the
        // bounce, Ada's own bounce and Gus's delivered mail planned none.
        assertThat(alertRows(id)).isEqualTo(1);
        assertThat(alerts(ada)).as("one alert, about Grace's mail only").hasSize(1);
        for (TestUser other : List.of(grace, gus)) {
            assertThat(alerts(other)).as("only the organizer is told").isEmpty();
        }
    }

    @Test
    void anAddressCorrectedSinceIsNotReportedAgainNeitherItsLateBounceNorItsCancellationsButTheNewOneIs() {
        TestUser ada = Tokens.newUser("Ada Organizer", "Europe/Berlin");
        TestUser typo = Tokens.newUser("Hal Contact", "UTC");
        TestUser hal = Tokens.newUser("Hal Contact", "UTC");
        String id = InterviewEvents.newInterviewId();
        InterviewPerson organizer = person(ada, InterviewPerson.Kind.PRIMARY_INTERVIEWER, "Partner", null);
        publish(event(INTERVIEW_SCHEDULED, id, 0, START, null, List.of(organizer,
                person(typo, InterviewPerson.Kind.CONTACT, "CEO", "Hal Labs")), null));
        String typoInvitation = onlyMail(typo, 1).header("Message-ID");
        publish(event(INTERVIEW_ATTENDEES_CHANGED, id, 1, START, null, List.of(organizer,
                person(hal, InterviewPerson.Kind.CONTACT, "CEO", "Hal Labs")), "Hal Contact is now reached at " + hal.email() + "."));
        String typoCancellation = onlyMail(typo, 2).header("Message-ID");
        String halInvitation = onlyMail(hal, 1).header("Message-ID");
        awaitSent(id, 5);

        report(typoInvitation, "bounced", "550 5.1.1 no such user");
        report(typoCancellation, "bounced", "550 5.1.1 no such user");
        assertThat(alertRows(id)).as("the old address's late bounce and its cancellation's: Ada corrected it already").isZero();
        assertThat(Db.count("SELECT count(*) FROM email_status_notice n JOIN delivery_attempt a ON a.id = n.attempt_id "
                + "JOIN delivery d ON d.id = a.delivery_id WHERE d.room_id = 'interview:" + id + "'")).as("both reports are kept").isEqualTo(2);

        report(halInvitation, "bounced", "550 5.2.2 mailbox full");
        List<MimeMessage> alerts = awaitAlerts(ada);
        assertThat(alerts).hasSize(1);
        assertThat(InviteMails.of(alerts.get(0)).text("text/plain")).contains("Hal Contact <" + hal.email() + ">")
                .doesNotContain(typo.email());
        assertThat(alertRows(id)).isEqualTo(1);
    }
}
