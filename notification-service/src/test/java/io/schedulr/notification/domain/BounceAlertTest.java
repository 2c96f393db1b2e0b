package io.schedulr.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a provider's report about a mail asks for an alert to the mail's organizer. */
public class BounceAlertTest {
    public static final Instant START = Instant.parse("2030-10-07T08:00:00Z");
    public static final Person ADA = new Person("ada@acme.test", "Ada Interviewer", "Europe/Berlin");
    public static final Person GRACE = new Person("grace@acme.test", "Grace Contact", "America/New_York");

    static ReportedMail mail(InviteMethod method, Person organizer, Person recipient, String key) {
        return new ReportedMail(7, key, method, "Interview: Acme Robotics", START, START.plusSeconds(2700), organizer, recipient);
    }

    @Test
    void aBouncedOrRejectedMailToSomeoneElseIsReportedToItsOrganizer() {
        ReportedMail toGrace = mail(InviteMethod.REQUEST, ADA, GRACE, "interview:iv-1");

        assertThat(BounceAlert.wanted(toGrace, EmailStatus.BOUNCED)).isTrue();
        assertThat(BounceAlert.wanted(toGrace, EmailStatus.REJECTED)).isTrue();
        assertThat(BounceAlert.wanted(mail(InviteMethod.CANCEL, ADA, GRACE, "room-1"), EmailStatus.BOUNCED))
                .as("a cancellation that did not arrive leaves someone expecting the meeting").isTrue();
    }

    @Test
    void aMailThatArrivedMayStillArriveOrWasTheOrganizersOwnIsNot() {
        ReportedMail toGrace = mail(InviteMethod.REQUEST, ADA, GRACE, "interview:iv-1");
        assertThat(BounceAlert.wanted(toGrace, EmailStatus.DELIVERED)).isFalse();
        assertThat(BounceAlert.wanted(toGrace, EmailStatus.DEFERRED)).as("a delay may still arrive").isFalse();
        assertThat(BounceAlert.wanted(toGrace, EmailStatus.COMPLAINED)).as("a complaint means it arrived").isFalse();

        Person adaShouting = new Person("ADA@Acme.test", "Ada", "UTC");
        assertThat(BounceAlert.wanted(mail(InviteMethod.REQUEST, ADA, adaShouting, "interview:iv-1"), EmailStatus.BOUNCED))
                .as("the organizer's own mail: the alert would go to the same address").isFalse();
    }

    @Test
    void anAddressTheMeetingNoLongerNamesIsNotReportedTheOrganizerActedAlready() {
        ReportedMail toOldAddress = new ReportedMail(7, "interview:iv-1", InviteMethod.CANCEL, "Interview: Acme Robotics", START,
                START.plusSeconds(2700), ADA, GRACE, false);

        assertThat(BounceAlert.wanted(toOldAddress, EmailStatus.BOUNCED)).isFalse();
        assertThat(BounceAlert.wanted(mail(InviteMethod.REQUEST, ADA, GRACE, "room-1"), EmailStatus.BOUNCED))
                .as("named unless told otherwise").isTrue();
    }

    @Test
    void anAlertKnowsItsInterviewItsKindAndAMessageKeyOfItsOwn() {
        BounceAlert alert = new BounceAlert(42, mail(InviteMethod.CANCEL, ADA, GRACE, "interview:iv-9"), EmailStatus.BOUNCED, null, 0);

        assertThat(alert.mail().interviewId()).isEqualTo("iv-9");
        assertThat(mail(InviteMethod.REQUEST, ADA, GRACE, "3f6c2a9e-1b7d-4c5e-9a8f-2d4b6c8e0f12").interviewId()).as("a room's").isNull();
        assertThat(alert.aboutCancellation()).isTrue();
        assertThat(alert.messageKey()).isEqualTo("bounce-alert-42");
        assertThatThrownBy(() -> new BounceAlert(1, alert.mail(), EmailStatus.DELIVERED, null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
