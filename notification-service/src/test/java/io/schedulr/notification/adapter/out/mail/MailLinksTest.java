package io.schedulr.notification.adapter.out.mail;

import io.schedulr.notification.domain.DueReminder;
import io.schedulr.notification.domain.InterviewChange;
import io.schedulr.notification.domain.InterviewDetails;
import io.schedulr.notification.domain.InterviewParticipant;
import io.schedulr.notification.domain.Invitation;
import io.schedulr.notification.domain.InviteMethod;
import io.schedulr.notification.domain.Meeting;
import io.schedulr.notification.domain.Person;
import io.schedulr.notification.domain.ReminderSession;
import io.schedulr.notification.domain.ReminderSlot;
import io.schedulr.notification.domain.SessionParticipant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.schedulr.notification.support.Fixtures.END;
import static io.schedulr.notification.support.Fixtures.GUEST;
import static io.schedulr.notification.support.Fixtures.HOST;
import static io.schedulr.notification.support.Fixtures.START;
import static io.schedulr.notification.support.Fixtures.invitation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the mails send a person in the web app: only to pages that person can open and act on. */
class MailLinksTest {
    static final WebAppLinks LINKS = new WebAppLinks("https://schedulr.example.com");

    @Test
    void aRoomMailLinksBothPeopleToTheirSessions() {
        for (Person recipient : List.of(HOST, GUEST)) {
            InviteMailContent mail = InviteMailContent.of(invitation(InviteMethod.REQUEST, 0, recipient), LINKS);
            assertThat(mail.text()).contains("Your sessions: https://schedulr.example.com/#/sessions\n");
            assertThat(mail.html()).contains("<a href=\"https://schedulr.example.com/#/sessions\">");
        }
        assertThat(InviteMailContent.of(invitation(InviteMethod.CANCEL, 1, GUEST), LINKS).text())
                .contains("Your sessions: https://schedulr.example.com/#/sessions");
    }

    @Test
    void anInterviewMailLinksTheTeamToTheInterviewAndNobodyElse() {
        Person ada = new Person("ada@example.com", "Ada Interviewer", "Europe/Berlin");
        Person tom = new Person("tom@example.com", "Tom Team", "Europe/London");
        Person grace = new Person("grace@acme.example", "Grace Contact", "America/New_York");
        Person gus = new Person("gus@fund.example", "Gus Guest", "Asia/Tokyo");
        InterviewDetails details = new InterviewDetails("3f6c1a52-0000-4000-8000-000000000001", InterviewChange.SCHEDULED, List.of(
                new InterviewParticipant(ada, InterviewParticipant.Kind.PRIMARY_INTERVIEWER, "Partner", null),
                new InterviewParticipant(tom, InterviewParticipant.Kind.TEAM_MEMBER, null, null),
                new InterviewParticipant(grace, InterviewParticipant.Kind.CONTACT, "CEO", "Acme"),
                new InterviewParticipant(gus, InterviewParticipant.Kind.GUEST, null, "Fund")), null, false);
        Meeting meeting = new Meeting(details.key(), "uid-1", 0, START, END, "Interview: Acme", null, ada, tom, details);
        String page = "https://schedulr.example.com/#/interviews/3f6c1a52-0000-4000-8000-000000000001";
        for (Person member : List.of(ada, tom)) {
            InviteMailContent mail = InviteMailContent.of(new Invitation("e", InviteMethod.REQUEST, meeting, member), LINKS);
            assertThat(mail.text()).contains("In schedulr: " + page + "\n");
            assertThat(mail.html()).contains("<a href=\"" + page + "\">");
        }
        for (Person outsider : List.of(grace, gus)) {
            InviteMailContent mail = InviteMailContent.of(new Invitation("e", InviteMethod.REQUEST, meeting, outsider), LINKS);
            assertThat(mail.text() + mail.html()).doesNotContain("schedulr.example.com");
        }
    }

    @Test
    void aReminderSendsToTheRemindersPageOnlyThoseWhosePreferencesApply() {
        Person user = new Person("user-1", "hanna.host@example.com", "Hanna Host", "Europe/Berlin");
        Person contact = new Person("grace@acme.example", "Grace Contact", "America/New_York");
        ReminderSession session = new ReminderSession("room:r1", "uid-1", 0, "Cello lesson", START, END, null,
                List.of(new SessionParticipant(user, "host"), new SessionParticipant(contact, "startup contact")));

        ReminderMailContent toUser = ReminderMailContent.of(due(session, user), START.minus(Duration.ofMinutes(10)), LINKS);
        assertThat(toUser.text()).contains("You get this reminder 10 minutes before the start; change when on your Reminders page in "
                + "schedulr: https://schedulr.example.com/#/reminders\n");
        assertThat(toUser.html()).contains("<a href=\"https://schedulr.example.com/#/reminders\">");

        assertThat(toUser.text()).contains("Your sessions: https://schedulr.example.com/#/sessions\n");
        ReminderMailContent toContact = ReminderMailContent.of(due(session, contact), START.minus(Duration.ofMinutes(10)), LINKS);
        assertThat(toContact.text()).contains("You get this reminder 10 minutes before the start.\n");
        assertThat(toContact.text() + toContact.html()).doesNotContain("schedulr.example.com").doesNotContain("change when");
    }

    @Test
    void anInterviewReminderLinksTheTeamMemberToTheInterviewAndTheGuestToNothing() {
        Person member = new Person("user-2", "ivy@example.com", "Ivy Interviewer", "Europe/Berlin");
        Person guest = new Person("gus@fund.example", "Gus Guest", "Asia/Tokyo");
        ReminderSession session = new ReminderSession(InterviewDetails.KEY_PREFIX + "3f6c1a52-0000-4000-8000-000000000002", "uid-2", 0,
                "Interview: Acme", START, END, null,
                List.of(new SessionParticipant(member, "primary interviewer"), new SessionParticipant(guest, "guest")));
        String page = "https://schedulr.example.com/#/interviews/3f6c1a52-0000-4000-8000-000000000002";

        ReminderMailContent toMember = ReminderMailContent.of(due(session, member), START.minus(Duration.ofMinutes(10)), LINKS);
        assertThat(toMember.text()).contains("In schedulr: " + page + "\n").doesNotContain("#/sessions");
        assertThat(toMember.html()).contains("<a href=\"" + page + "\">");

        ReminderMailContent toGuest = ReminderMailContent.of(due(session, guest), START.minus(Duration.ofMinutes(10)), LINKS);
        assertThat(toGuest.text() + toGuest.html()).doesNotContain("schedulr.example.com");
    }

    @Test
    void anInterviewReminderLinksNobodyOffTheTeamToTheInterviewEvenWithAnAccount() {
        Person member = new Person("user-3", "ivy@example.com", "Ivy Interviewer", "Europe/Berlin");
        Person contact = new Person("user-4", "grace@acme.example", "Grace Contact", "America/New_York");
        Person guest = new Person("user-5", "gus@fund.example", "Gus Guest", "Asia/Tokyo");
        ReminderSession session = new ReminderSession(InterviewDetails.KEY_PREFIX + "3f6c1a52-0000-4000-8000-000000000003", "uid-3", 0,
                "Interview: Acme", START, END, null, List.of(new SessionParticipant(member, "Partner; interviewer (organizer)"),
                new SessionParticipant(contact, "CEO, Acme; startup contact"), new SessionParticipant(guest, "Fund; guest")));

        assertThat(ReminderMailContent.of(due(session, member), START.minus(Duration.ofMinutes(10)), LINKS).text())
                .contains("In schedulr: https://schedulr.example.com/#/interviews/3f6c1a52-0000-4000-8000-000000000003\n");
        for (Person outsider : List.of(contact, guest)) {
            ReminderMailContent mail = ReminderMailContent.of(due(session, outsider), START.minus(Duration.ofMinutes(10)), LINKS);
            assertThat(mail.text() + mail.html()).as(outsider.name()).doesNotContain("#/interviews/").doesNotContain("#/sessions");
        }
    }

    @Test
    void theCancelToAReplacedPrimaryInterviewersOldAddressLinksNoInterviewPage() {
        Person old = new Person("ada.old@example.com", "Ada Interviewer", "Europe/Berlin");
        InterviewDetails details = new InterviewDetails("3f6c1a52-0000-4000-8000-000000000004", InterviewChange.NO_LONGER_INVITED, List.of(
                new InterviewParticipant(old, InterviewParticipant.Kind.PRIMARY_INTERVIEWER, null, null),
                new InterviewParticipant(old, InterviewParticipant.Kind.GUEST, null, null)), null, false);
        Meeting meeting = new Meeting(details.key(), "uid-4", 1, START, END, "Interview: Acme", null, old, old, details);

        InviteMailContent mail = InviteMailContent.of(new Invitation("e", InviteMethod.CANCEL, meeting, old), LINKS);

        assertThat(mail.text() + mail.html()).doesNotContain("#/interviews/");
    }

    @Test
    void theAddressIsTheWebAppsRootWithNothingAfterIt() {
        assertThat(new WebAppLinks("http://localhost:8080/").sessions()).isEqualTo("http://localhost:8080/#/sessions");
        assertThat(new WebAppLinks(" https://schedulr.example.com/app ").reminders()).isEqualTo("https://schedulr.example.com/app/#/reminders");
        for (String wrong : List.of("schedulr.example.com", "ftp://schedulr.example.com/", "https://schedulr.example.com/#/sessions",
                "https://schedulr.example.com/?x=1", "https:///path", "not a url")) {
            assertThatThrownBy(() -> new WebAppLinks(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("SCHEDULR_WEB_URL");
        }
    }

    private static DueReminder due(ReminderSession session, Person recipient) {
        return new DueReminder(1, new ReminderSlot(recipient.email(), recipient.id(), 10, START.minus(Duration.ofMinutes(10))),
                session, false, 0, "key-1", null);
    }
}
