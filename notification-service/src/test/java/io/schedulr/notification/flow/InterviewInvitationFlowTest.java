package io.schedulr.notification.flow;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.InterviewEvent;
import io.schedulr.events.InterviewPerson;
import io.schedulr.notification.support.Db;
import io.schedulr.notification.support.IcsSamples;
import io.schedulr.notification.support.InterviewEvents;
import io.schedulr.notification.support.InviteMails;
import io.schedulr.testsupport.Mailboxes;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.schedulr.events.InterviewEventType.INTERVIEW_ATTENDEES_CHANGED;
import static io.schedulr.events.InterviewEventType.INTERVIEW_CANCELLED;
import static io.schedulr.events.InterviewEventType.INTERVIEW_CONFIRMED;
import static io.schedulr.events.InterviewEventType.INTERVIEW_RESCHEDULED;
import static io.schedulr.events.InterviewEventType.INTERVIEW_RESCHEDULE_REQUESTED;
import static io.schedulr.events.InterviewEventType.INTERVIEW_SCHEDULED;
import static io.schedulr.notification.flow.InvitationFlowTest.onlyMail;
import static io.schedulr.notification.flow.InvitationFlowTest.sleep;
import static io.schedulr.notification.support.InterviewEvents.event;
import static io.schedulr.notification.support.InterviewEvents.person;
import static io.schedulr.notification.support.InterviewEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: interview events on the real Kafka topic (scheduling.interview-events.v1) → one iMIP mail per person taking
 * part in real IMAP inboxes, through the same delivery queue as rooms, audited in the real database.
 */
@QuarkusTest
class InterviewInvitationFlowTest {
    static final Instant START = Instant.parse("2030-09-05T08:00:00Z");
    static final Instant MOVED = Instant.parse("2030-09-12T13:30:00Z");
    static final String URL = "https://app.cal.com/video/iv-room-1";

    @BeforeAll
    static void topics() {
        InterviewEvents.ensureTopics();
    }

    @Test
    void everyPersonFollowsTheInterviewFromInvitationToCancellationAndNothingTwiceOrBackwards() {
        TestUser ada = Tokens.newUser("Ada Interviewer", "Europe/Berlin");
        TestUser tom = Tokens.newUser("Tom Team", "Europe/London");
        TestUser grace = Tokens.newUser("Grace Contact", "America/New_York");
        TestUser gus = Tokens.newUser("Gus Guest", "Asia/Tokyo");
        List<TestUser> everyone = List.of(ada, tom, grace, gus);
        List<InterviewPerson> people = List.of(person(ada, InterviewPerson.Kind.PRIMARY_INTERVIEWER, "Partner", null),
                person(tom, InterviewPerson.Kind.TEAM_MEMBER, "Associate", null),
                person(grace, InterviewPerson.Kind.CONTACT, "CEO", "Acme Robotics"),
                person(gus, InterviewPerson.Kind.GUEST, null, "Angel Fund"));
        String id = InterviewEvents.newInterviewId();
        String uid = InterviewEvents.icsUid(id);

        // scheduled: everyone is invited, the time in their own zone
        CloudEvent<InterviewEvent> scheduled = event(INTERVIEW_SCHEDULED, id, 0, START, null, people, null);
        publish(scheduled);
        for (TestUser p : everyone) {
            InviteMails mail = onlyMail(p, 1);
            assertThat(mail.contentTypeMethod()).isEqualTo("REQUEST");
            assertThat(mail.calendarProperty(Property.METHOD)).isEqualTo("REQUEST");
            assertThat(subject(mail)).startsWith("Invitation: Interview: Acme Robotics @ ");
            assertThat(mail.property(Property.UID)).isEqualTo(uid);
            assertThat(mail.property(Property.SEQUENCE)).isEqualTo("0");
            assertThat(mail.property(Property.DTSTART)).isEqualTo("20300905T080000Z");
            assertThat(mail.property(Property.DTEND)).isEqualTo("20300905T084500Z");
            assertThat(mail.property(Property.STATUS)).isEqualTo("CONFIRMED");
            assertThat(mail.property(Property.SUMMARY)).isEqualTo("Interview: Acme Robotics");
            assertThat(mail.property(Property.URL)).isNull();
            assertThat(mail.property(Property.ORGANIZER)).isEqualTo("mailto:" + ada.email());
            assertThat(mail.param(Property.ORGANIZER, Parameter.CN)).isEqualTo("Ada Interviewer");
            assertThat(attendees(mail)).containsExactly("mailto:" + ada.email(), "mailto:" + tom.email(), "mailto:" + grace.email(),
                    "mailto:" + gus.email());
            assertThat(mail.text("text/plain")).contains("Grace Contact (CEO, Acme Robotics), startup contact",
                    "Gus Guest (Angel Fund), guest", "Ada Interviewer (Partner), interviewer (organizer)").doesNotContain("Join:");
        }
        assertThat(onlyMail(ada, 1).text("text/plain")).contains("Thursday, 5 September 2030, 10:00 \u2013 10:45 (Europe/Berlin, CEST)");
        assertThat(onlyMail(tom, 1).text("text/plain")).contains("Thursday, 5 September 2030, 09:00 \u2013 09:45 (Europe/London, BST)");
        assertThat(onlyMail(grace, 1).text("text/plain")).contains("Thursday, 5 September 2030, 04:00 \u2013 04:45 (America/New_York, EDT)");
        assertThat(onlyMail(gus, 1).text("text/html")).contains("Thursday, 5 September 2030, 17:00 \u2013 17:45 (Asia/Tokyo, JST)");
        // The team can open the interview in schedulr (SCHEDULR_WEB_URL); the contact and the guest are shown no page they cannot see.
        for (TestUser member : List.of(ada, tom)) {
            assertThat(onlyMail(member, 1).text("text/plain")).contains("In schedulr: http://localhost:8080/#/interviews/" + id);
        }
        for (TestUser outsider : List.of(grace, gus)) {
            assertThat(onlyMail(outsider, 1).text("text/plain")).doesNotContain("In schedulr").doesNotContain("localhost:8080");
        }
        IcsSamples.write("flow-interview-scheduled-guest", onlyMail(gus, 1).ics());

        // confirmed: the updated invitation with the join link
        CloudEvent<InterviewEvent> confirmed = event(INTERVIEW_CONFIRMED, id, 1, START, URL, people, null);
        publish(confirmed);
        for (TestUser p : everyone) {
            InviteMails mail = onlyMail(p, 2);
            assertThat(subject(mail)).startsWith("Updated invitation: Interview: Acme Robotics @ ");
            assertThat(mail.contentTypeMethod()).isEqualTo("REQUEST");
            assertThat(mail.property(Property.SEQUENCE)).isEqualTo("1");
            assertThat(mail.property(Property.URL)).isEqualTo(URL);
            assertThat(mail.property(Property.LOCATION)).isEqualTo(URL);
            assertThat(mail.text("text/plain")).contains("Join: " + URL);
        }

        // the same record again (same event id) and the scheduled change arriving late: nothing
        publish(confirmed);
        publish(event(INTERVIEW_SCHEDULED, id, 0, START, null, people, null));

        // rescheduled (in schedulr, with a reason): a higher SEQUENCE, the new time, and why
        publish(event(INTERVIEW_RESCHEDULED, id, 2, MOVED, URL, people, "Grace asked for a later day"));
        for (TestUser p : everyone) {
            InviteMails mail = onlyMail(p, 3);
            assertThat(subject(mail)).startsWith("Updated invitation: ");
            assertThat(mail.contentTypeMethod()).isEqualTo("REQUEST");
            assertThat(mail.property(Property.UID)).isEqualTo(uid);
            assertThat(mail.property(Property.SEQUENCE)).isEqualTo("2");
            assertThat(mail.property(Property.DTSTART)).isEqualTo("20300912T133000Z");
            assertThat(mail.text("text/plain")).contains("has moved to a new time", "Reason: Grace asked for a later day");
        }
        IcsSamples.write("flow-interview-rescheduled-contact", onlyMail(grace, 3).ics());

        // the host asks for another time (SEQUENCE kept): a CANCEL of that time, saying a new one is awaited
        publish(event(INTERVIEW_RESCHEDULE_REQUESTED, id, 2, MOVED, URL, people, "Our partner is travelling that week"));
        for (TestUser p : everyone) {
            InviteMails mail = onlyMail(p, 4);
            assertThat(mail.contentTypeMethod()).isEqualTo("CANCEL");
            assertThat(mail.calendarProperty(Property.METHOD)).isEqualTo("CANCEL");
            assertThat(mail.property(Property.STATUS)).isEqualTo("CANCELLED");
            assertThat(mail.property(Property.UID)).isEqualTo(uid);
            assertThat(mail.property(Property.SEQUENCE)).isEqualTo("2");
            assertThat(subject(mail)).startsWith("New time needed: ");
            assertThat(mail.text("text/plain")).contains("awaiting a new time", "not a final cancellation",
                    "Reason: Our partner is travelling that week").doesNotContain("Join:");
        }
        IcsSamples.write("flow-interview-reschedule-requested-guest", onlyMail(gus, 4).ics());

        // cancelled for good
        publish(event(INTERVIEW_CANCELLED, id, 3, MOVED, URL, people, "The startup withdrew"));
        for (TestUser p : everyone) {
            InviteMails mail = onlyMail(p, 5);
            assertThat(mail.contentTypeMethod()).isEqualTo("CANCEL");
            assertThat(mail.property(Property.SEQUENCE)).isEqualTo("3");
            assertThat(mail.property(Property.STATUS)).isEqualTo("CANCELLED");
            assertThat(subject(mail)).startsWith("Cancelled: ");
            assertThat(mail.text("text/plain")).contains("has been cancelled", "Reason: The startup withdrew")
                    .doesNotContain("awaiting a new time");
        }
        IcsSamples.write("flow-interview-cancelled-interviewer", onlyMail(ada, 5).ics());

        // a late update must not bring the interview back into anyone's calendar
        RecordMetadata late = publish(event(INTERVIEW_RESCHEDULED, id, 2, MOVED, URL, people, null));
        InterviewEvents.awaitConsumed(late);
        sleep(Duration.ofSeconds(2));
        for (TestUser p : everyone) {
            assertThat(Mailboxes.inbox(p.email())).as("mails to %s", p.email()).hasSize(5);
        }
        assertThat(Db.count("SELECT count(*) FROM delivery WHERE room_id = 'interview:" + id + "' AND status = 'SENT'")).isEqualTo(20);
        assertThat(Db.count("SELECT count(*) FROM delivery_attempt WHERE room_id = 'interview:" + id + "' AND outcome = 'SKIPPED_STALE'"))
                .isEqualTo(8);
    }

    @Test
    void aConfirmationThatShowsNothingNewMailsOnlyTheTeamAndTheNextChangeEveryone() {
        TestUser ida = Tokens.newUser("Ida Interviewer", "Europe/Berlin");
        TestUser tim = Tokens.newUser("Tim Team", "Europe/Berlin");
        TestUser cal = Tokens.newUser("Cal Contact", "UTC");
        TestUser gia = Tokens.newUser("Gia Guest", "UTC");
        List<InterviewPerson> people = List.of(person(ida, InterviewPerson.Kind.PRIMARY_INTERVIEWER, null, null),
                person(tim, InterviewPerson.Kind.TEAM_MEMBER, null, null), person(cal, InterviewPerson.Kind.CONTACT, null, "Acme Robotics"),
                person(gia, InterviewPerson.Kind.GUEST, null, null));
        String id = InterviewEvents.newInterviewId();

        // sent with the join link Cal.com answered at once; its webhook confirms the same time and link a moment later
        publish(event(INTERVIEW_SCHEDULED, id, 0, START, URL, people, null));
        for (TestUser p : List.of(ida, tim, cal, gia)) {
            onlyMail(p, 1);
        }
        RecordMetadata confirmed = publish(event(INTERVIEW_CONFIRMED, id, 1, START, URL, people, null));
        for (TestUser p : List.of(ida, tim)) {
            InviteMails mail = onlyMail(p, 2);
            assertThat(subject(mail)).startsWith("Updated invitation: ");
            assertThat(mail.property(Property.SEQUENCE)).isEqualTo("1");
            assertThat(attendees(mail)).as("the guests stay on the event").hasSize(4);
        }
        InterviewEvents.awaitConsumed(confirmed);
        sleep(Duration.ofSeconds(2));
        for (TestUser p : List.of(cal, gia)) {
            assertThat(Mailboxes.inbox(p.email())).as("mails to %s", p.email()).hasSize(1);
        }
        assertThat(Db.count("SELECT count(*) FROM delivery_attempt WHERE room_id = 'interview:" + id
                + "' AND outcome = 'SKIPPED_NOTHING_NEW'")).isEqualTo(2);

        // a real change reaches everyone, the contact and guests at a SEQUENCE above what they hold
        publish(event(INTERVIEW_RESCHEDULED, id, 2, MOVED, URL, people, null));
        for (TestUser p : List.of(cal, gia)) {
            InviteMails mail = onlyMail(p, 2);
            assertThat(mail.property(Property.SEQUENCE)).isEqualTo("2");
            assertThat(mail.property(Property.DTSTART)).isEqualTo("20300912T133000Z");
        }
        for (TestUser p : List.of(ida, tim)) {
            assertThat(onlyMail(p, 3).property(Property.SEQUENCE)).isEqualTo("2");
        }
    }

    @Test
    void anInvitationWaitingForTheHostsConfirmationIsTentativeAndItsConfirmationReachesEveryone() {
        TestUser ida = Tokens.newUser("Ida Interviewer", "Europe/Berlin");
        TestUser cal = Tokens.newUser("Cal Contact", "UTC");
        List<InterviewPerson> people = List.of(person(ida, InterviewPerson.Kind.PRIMARY_INTERVIEWER, null, null),
                person(cal, InterviewPerson.Kind.CONTACT, null, "Acme Robotics"));
        String id = InterviewEvents.newInterviewId();

        publish(event(INTERVIEW_SCHEDULED, id, 0, START, URL, people, null, true));
        for (TestUser p : List.of(ida, cal)) {
            InviteMails mail = onlyMail(p, 1);
            assertThat(mail.property(Property.STATUS)).isEqualTo("TENTATIVE");
            assertThat(mail.text("text/plain")).contains("tentative until the host confirms it on Cal.com");
        }
        IcsSamples.write("flow-interview-tentative-contact", onlyMail(cal, 1).ics());
        // Cal.com confirms it at the same time and with the same link: firm now, which is news to the contact too.
        publish(event(INTERVIEW_CONFIRMED, id, 1, START, URL, people, null));
        for (TestUser p : List.of(ida, cal)) {
            InviteMails mail = onlyMail(p, 2);
            assertThat(mail.property(Property.STATUS)).isEqualTo("CONFIRMED");
            assertThat(mail.property(Property.SEQUENCE)).isEqualTo("1");
            assertThat(mail.text("text/plain")).doesNotContain("tentative");
        }
        assertThat(Db.count("SELECT count(*) FROM interview_state WHERE interview_id = '" + id + "' AND NOT told_tentative")).isEqualTo(1);
    }

    @Test
    void aMalformedRecordIsSkippedAndOneUnusableAddressDoesNotStopTheOthers() {
        TestUser ivy = Tokens.newUser("Ivy Interviewer", "Europe/Paris");
        TestUser cora = Tokens.newUser("Cora Contact", "Europe/Paris");
        TestUser gil = Tokens.newUser("Gil Guest", "UTC");
        String id = InterviewEvents.newInterviewId();
        InterviewPerson broken = new InterviewPerson(null, "Broken Guest", "not an address", null, null, "UTC", InterviewPerson.Kind.GUEST);
        List<InterviewPerson> people = List.of(person(ivy, InterviewPerson.Kind.PRIMARY_INTERVIEWER, null, null), broken,
                person(cora, InterviewPerson.Kind.CONTACT, null, "Acme Robotics"), person(gil, InterviewPerson.Kind.GUEST, null, null));

        InterviewEvents.publishRaw(id, "this is not json {");
        InterviewEvents.publishRaw(id, null);
        String noInterviewer = EventCodec.encode(event(INTERVIEW_SCHEDULED, id, 0, START, null, people.subList(1, 4), null));
        InterviewEvents.publishRaw(id, noInterviewer);
        publish(event(INTERVIEW_SCHEDULED, id, 0, START, URL, people, null));

        for (TestUser p : List.of(ivy, cora, gil)) {
            InviteMails mail = onlyMail(p, 1);
            assertThat(mail.contentTypeMethod()).isEqualTo("REQUEST");
            assertThat(mail.property(Property.SEQUENCE)).isEqualTo("0");
            assertThat(attendees(mail)).containsExactly("mailto:" + ivy.email(), "mailto:" + cora.email(), "mailto:" + gil.email());
            assertThat(mail.text("text/plain")).doesNotContain("Broken Guest");
        }
        assertThat(Db.count("SELECT count(*) FROM delivery_attempt WHERE room_id = 'interview:" + id
                + "' AND outcome = 'UNDELIVERABLE' AND recipient = 'not an address'")).isEqualTo(1);
    }

    @Test
    void aCorrectedAddressIsInvitedTheOldOneIsToldItsInvitationNoLongerStandsAndEveryoneElseIsUpdated() {
        TestUser ada = Tokens.newUser("Ada Interviewer", "Europe/Berlin");
        TestUser typo = Tokens.newUser("Grace Contact", "America/New_York");
        TestUser grace = Tokens.newUser("Grace Contact", "America/New_York");
        TestUser gus = Tokens.newUser("Gus Guest", "Asia/Tokyo");
        String id = InterviewEvents.newInterviewId();
        List<InterviewPerson> before = List.of(person(ada, InterviewPerson.Kind.PRIMARY_INTERVIEWER, "Partner", null),
                person(typo, InterviewPerson.Kind.CONTACT, "CEO", "Acme Robotics"), person(gus, InterviewPerson.Kind.GUEST, null, null));
        List<InterviewPerson> after = List.of(before.get(0), person(grace, InterviewPerson.Kind.CONTACT, "CEO", "Acme Robotics"),
                before.get(2));
        publish(event(INTERVIEW_SCHEDULED, id, 0, START, URL, before, null));
        for (TestUser p : List.of(ada, typo, gus)) {
            onlyMail(p, 1);
        }

        publish(event(INTERVIEW_ATTENDEES_CHANGED, id, 1, START, URL, after, "Grace Contact is now reached at " + grace.email() + "."));
        for (TestUser p : List.of(ada, gus)) {
            InviteMails mail = onlyMail(p, 2);
            assertThat(subject(mail)).startsWith("Updated invitation: Interview: Acme Robotics @ ");
            assertThat(mail.contentTypeMethod()).isEqualTo("REQUEST");
            assertThat(mail.property(Property.SEQUENCE)).isEqualTo("1");
            assertThat(mail.property(Property.DTSTART)).isEqualTo("20300905T080000Z");
            assertThat(attendees(mail)).containsExactly("mailto:" + ada.email(), "mailto:" + grace.email(), "mailto:" + gus.email());
            assertThat(mail.text("text/plain")).contains("Who takes part in Interview: Acme Robotics changed; the time stays.",
                    "Reason: Grace Contact is now reached at " + grace.email() + ".");
        }
        InviteMails invited = onlyMail(grace, 1);
        assertThat(subject(invited)).as("her first invitation, not an update of one she never had").startsWith("Invitation: ");
        assertThat(invited.text("text/plain")).contains("You are invited to Interview: Acme Robotics.").doesNotContain("Reason:");
        assertThat(invited.contentTypeMethod()).isEqualTo("REQUEST");
        assertThat(invited.property(Property.SEQUENCE)).isEqualTo("1");
        assertThat(invited.text("text/plain")).contains("Join: " + URL);

        InviteMails dropped = onlyMail(typo, 2);
        assertThat(subject(dropped)).startsWith("No longer invited: Interview: Acme Robotics @ ");
        assertThat(dropped.contentTypeMethod()).isEqualTo("CANCEL");
        assertThat(dropped.calendarProperty(Property.METHOD)).isEqualTo("CANCEL");
        assertThat(dropped.property(Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(dropped.property(Property.UID)).isEqualTo(InterviewEvents.icsUid(id));
        assertThat(dropped.property(Property.SEQUENCE)).isEqualTo("1");
        assertThat(attendees(dropped)).as("the organizer and the address removed (RFC 5546 3.2.5)")
                .containsExactly("mailto:" + ada.email(), "mailto:" + typo.email());
        // The old address may have been a stranger's: it is told nothing of who takes part now, nor where to join.
        for (String body : List.of(dropped.text("text/plain"), dropped.text("text/html"), dropped.ics())) {
            assertThat(body).doesNotContain(grace.email()).doesNotContain("Gus Guest").doesNotContain(URL);
        }
        assertThat(dropped.text("text/plain")).contains("no longer stands");
        IcsSamples.write("flow-interview-no-longer-invited", dropped.ics());

        // The next change goes to the people named now; the old address is not told again.
        RecordMetadata moved = publish(event(INTERVIEW_RESCHEDULED, id, 2, MOVED, URL, after, null));
        for (TestUser p : List.of(ada, gus)) {
            onlyMail(p, 3);
        }
        onlyMail(grace, 2);
        InterviewEvents.awaitConsumed(moved);
        assertThat(Mailboxes.inbox(typo.email())).hasSize(2);
    }

    @Test
    void anInterviewLastToldBeforeTheOldAddressWasKeptLearnsItFromItsDeliveries() throws Exception {
        TestUser ada = Tokens.newUser("Ada Interviewer", "Europe/Berlin");
        TestUser typo = Tokens.newUser("Hal Contact", "UTC");
        TestUser hal = Tokens.newUser("Hal Contact", "UTC");
        String id = InterviewEvents.newInterviewId();
        List<InterviewPerson> before = List.of(person(ada, InterviewPerson.Kind.PRIMARY_INTERVIEWER, "Partner", null),
                person(typo, InterviewPerson.Kind.CONTACT, "CEO", "Acme Robotics"));
        publish(event(INTERVIEW_SCHEDULED, id, 0, START, URL, before, null));
        onlyMail(typo, 1);
        // As a state kept before V16: nobody recorded as told. V17 finds them in the REQUEST's delivery rows.
        Db.execute("UPDATE interview_state SET told_people = '[]' WHERE interview_id = '" + id + "'");
        String backfill = new String(getClass().getResourceAsStream("/db/migration/V17__interview_told_people_backfill.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Db.execute(backfill);
        assertThat(Db.count("SELECT jsonb_array_length(told_people) FROM interview_state WHERE interview_id = '" + id + "'")).isEqualTo(2);

        publish(event(INTERVIEW_ATTENDEES_CHANGED, id, 1, START, URL, List.of(before.get(0),
                person(hal, InterviewPerson.Kind.CONTACT, "CEO", "Acme Robotics")), "Hal Contact is now reached at " + hal.email() + "."));
        assertThat(subject(onlyMail(typo, 2))).startsWith("No longer invited: ");
        assertThat(subject(onlyMail(hal, 1))).as("his first invitation").startsWith("Invitation: ");
    }

    static String subject(InviteMails mail) {
        try {
            return mail.message().getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    static List<String> attendees(InviteMails mail) {
        return mail.event().<Property>getProperties(Property.ATTENDEE).stream().map(Property::getValue).toList();
    }

}
