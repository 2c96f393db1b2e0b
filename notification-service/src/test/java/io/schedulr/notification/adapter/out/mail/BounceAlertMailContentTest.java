package io.schedulr.notification.adapter.out.mail;

import io.schedulr.notification.domain.BounceAlert;
import io.schedulr.notification.domain.EmailStatus;
import io.schedulr.notification.domain.InviteMethod;
import io.schedulr.notification.domain.Person;
import io.schedulr.notification.domain.ReportedMail;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What the organizer reads when a mail sent on their behalf did not arrive. */
class BounceAlertMailContentTest {
    static final Instant START = Instant.parse("2030-10-07T08:00:00Z");
    static final Person ADA = new Person("ada@acme.test", "Ada Interviewer", "Europe/Berlin");
    static final Person GRACE = new Person("grace@acme.tset", "Grace <b>Contact</b>", "America/New_York");
    final WebAppLinks links = new WebAppLinks("https://schedulr.example.com");

    static BounceAlert alert(InviteMethod method, String key, EmailStatus status, String detail) {
        return new BounceAlert(5, new ReportedMail(9, key, method, "Interview: Acme & Co", START, START.plusSeconds(2700), ADA, GRACE),
                status, detail, 0);
    }

    @Test
    void anInterviewsBouncedInvitationNamesWhoWhyWhenInTheOrganizersZoneAndTheInterviewsPage() {
        BounceAlertMailContent mail = BounceAlertMailContent.of(alert(InviteMethod.REQUEST, "interview:iv-1", EmailStatus.BOUNCED,
                "550 5.1.1 <grace@acme.tset>:\r\n    mailbox unavailable"), links);

        assertThat(mail.subject()).isEqualTo("Not delivered: the invitation to Grace <b>Contact</b> for Interview: Acme & Co");
        assertThat(mail.text())
                .contains("Hello Ada Interviewer,")
                .contains("The invitation to Interview: Acme & Co that Schedulr sent on your behalf to Grace <b>Contact</b> "
                        + "<grace@acme.tset> did not arrive: it bounced.")
                .contains("Reason: 550 5.1.1 <grace@acme.tset>: mailbox unavailable\n")
                .contains("When: Monday, 7 October 2030, 10:00 \u2013 10:45 (Europe/Berlin, CEST)")
                .contains("Interview: https://schedulr.example.com/#/interviews/iv-1")
                .contains("correct it (a contact's on their startup's page; a guest's with Change guests");
        assertThat(mail.html())
                .as("what the provider and the people typed is text, never markup")
                .contains("Grace &lt;b&gt;Contact&lt;/b&gt; &lt;grace@acme.tset&gt;")
                .contains("550 5.1.1 &lt;grace@acme.tset&gt;: mailbox unavailable")
                .contains("Interview: Acme &amp; Co")
                .doesNotContain("<b>Contact</b>");
    }

    @Test
    void aRejectedCancellationOfARoomSaysTheyMayStillExpectTheMeeting() {
        BounceAlertMailContent mail = BounceAlertMailContent.of(alert(InviteMethod.CANCEL, "3f6c2a9e-1b7d-4c5e-9a8f-2d4b6c8e0f12",
                EmailStatus.REJECTED, null), links);

        assertThat(mail.subject()).startsWith("Not delivered: the cancellation to Grace");
        assertThat(mail.text())
                .contains("did not arrive: it was rejected by the receiving mail server.")
                .contains("They may still expect the meeting: please tell them another way.")
                .contains("Your sessions: https://schedulr.example.com/#/sessions")
                .doesNotContain("Reason:")
                .doesNotContain("#/interviews/");
    }

    @Test
    void aLongDiagnosticIsCut() {
        BounceAlertMailContent mail = BounceAlertMailContent.of(alert(InviteMethod.REQUEST, "interview:iv-1", EmailStatus.BOUNCED,
                "x".repeat(2000)), links);

        assertThat(mail.text()).contains("Reason: " + "x".repeat(BounceAlertMailContent.MAX_REASON) + "…\n");
    }
}
