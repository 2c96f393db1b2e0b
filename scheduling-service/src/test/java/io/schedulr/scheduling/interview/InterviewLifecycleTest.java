package io.schedulr.scheduling.interview;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.BookingPerson;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.InterviewEvent;
import io.schedulr.events.InterviewEventType;
import io.schedulr.events.Topics;
import io.schedulr.scheduling.api.Db;
import io.schedulr.scheduling.interview.CalcomBookingRecords.Meeting;
import io.schedulr.scheduling.interview.InterviewFlowTest.Setup;
import io.schedulr.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.schedulr.scheduling.interview.CalcomBookingRecords.cancelled;
import static io.schedulr.scheduling.interview.CalcomBookingRecords.created;
import static io.schedulr.scheduling.interview.CalcomBookingRecords.handled;
import static io.schedulr.scheduling.interview.CalcomBookingRecords.rescheduled;
import static io.schedulr.scheduling.interview.InterviewApi.get;
import static io.schedulr.scheduling.interview.InterviewApi.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Cal.com's booking changes (through calcom-gateway's topic) move interviews, whatever their order or repetition. */
@QuarkusTest
class InterviewLifecycleTest {
    private static final Duration DAY = Duration.ofDays(1);

    private record Sent(Setup setup, String id, String uid, Meeting meeting, Instant start, Instant end) {
        static Sent create(int daysAhead) {
            Setup s = Setup.create();
            String id = s.readyDraft(InterviewApi.hoursAhead(daysAhead, 9));
            String uid = send(s.ada(), id).statusCode(200).extract().path("calcomBookingUid");
            Instant start = Instant.parse(get(s.ada(), "/api/interviews/" + id).extract().path("startAt"));
            Meeting m = Meeting.of(id, uid + "@Cal.com", CalcomBookingRecords.HOST,
                    new BookingPerson("Grace " + s.tag(), "grace-" + s.tag() + "@acme.test", "Europe/Berlin"));
            return new Sent(s, id, uid, m, start, start.plus(Duration.ofMinutes(30)));
        }

        io.restassured.response.ValidatableResponse view() {
            return get(setup.ada(), "/api/interviews/" + id).statusCode(200);
        }
    }

    @Test
    void cancellationsReschedulesAndConfirmationsMoveTheInterviewAndEveryoneIsTold() {
        Sent i = Sent.create(10);
        try (TopicProbe events = TopicProbe.fromNow(Topics.INTERVIEW_EVENTS)) {
            handled(created(i.meeting(), i.uid(), i.start(), i.end()));
            i.view().body("status", equalTo("confirmed")).body("invitationStatus", equalTo("confirmed"))
                    .body("meetingUrl", equalTo("https://app.cal.com/video/" + i.uid())).body("meetingProvider", equalTo("cal-video"))
                    .body("sequence", equalTo(1));
            handled(created(i.meeting(), i.uid(), i.start(), i.end()));
            i.view().body("sequence", equalTo(1));

            String second = "rs1" + UUID.randomUUID().toString().substring(0, 8);
            handled(rescheduled(i.meeting(), 1, second, i.uid(), i.start().plus(DAY), i.end().plus(DAY)));
            handled(rescheduled(i.meeting(), 1, second, i.uid(), i.start().plus(DAY), i.end().plus(DAY)));
            i.view().body("startAt", equalTo(i.start().plus(DAY).toString())).body("calcomBookingUid", equalTo(second))
                    .body("sequence", equalTo(2)).body("status", equalTo("confirmed"));

            handled(cancelled(i.meeting(), 1, second, i.start().plus(DAY), i.end().plus(DAY), "Please pick another time", true));
            i.view().body("awaitingNewTime", equalTo(true)).body("status", equalTo("confirmed")).body("sequence", equalTo(3))
                    .body("cancellationReason", equalTo("Please pick another time"));

            String third = "rs2" + UUID.randomUUID().toString().substring(0, 8);
            Instant later = i.start().plus(DAY.multipliedBy(2));
            handled(rescheduled(i.meeting(), 2, third, second, later, later.plus(Duration.ofMinutes(45))));
            i.view().body("awaitingNewTime", equalTo(false)).body("durationMinutes", equalTo(45)).body("sequence", equalTo(4));

            handled(cancelled(i.meeting(), 2, third, later, later.plus(Duration.ofMinutes(45)), "The startup withdrew", false));
            handled(created(i.meeting(), i.uid(), i.start(), i.end()));
            i.view().body("status", equalTo("cancelled")).body("invitationStatus", equalTo("cancelled"))
                    .body("cancellationReason", equalTo("The startup withdrew")).body("sequence", equalTo(5));

            List<ConsumerRecord<String, String>> records = events.await(r -> i.id().equals(r.key()), 5, Duration.ofSeconds(20));
            List<CloudEvent<InterviewEvent>> told = records.stream().map(r -> EventCodec.decodeInterviewEvent(r.value())).toList();
            assertThat(told).extracting(CloudEvent::type).containsExactly(InterviewEventType.INTERVIEW_CONFIRMED.cloudEventType(),
                    InterviewEventType.INTERVIEW_RESCHEDULED.cloudEventType(), InterviewEventType.INTERVIEW_RESCHEDULE_REQUESTED.cloudEventType(),
                    InterviewEventType.INTERVIEW_RESCHEDULED.cloudEventType(), InterviewEventType.INTERVIEW_CANCELLED.cloudEventType());
            assertThat(told).extracting(e -> e.data().sequence()).containsExactly(1, 2, 3, 4, 5);
            assertThat(told.get(0).data().meetingUrl()).isEqualTo("https://app.cal.com/video/" + i.uid());
            assertThat(told.get(4).data().reason()).isEqualTo("The startup withdrew");
            assertThat(events.collect(r -> i.id().equals(r.key()), Duration.ofSeconds(1))).as("nothing for the repeated and late changes").hasSize(5);
        }
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND actor_id = 'calcom'", i.id())).isEqualTo(5);
    }

    @Test
    void aBookingThatWaitsForItsHostSaysSoUntilCalcomConfirmsItOrItsHostDeclinesIt() {
        try (TopicProbe events = TopicProbe.fromNow(Topics.INTERVIEW_EVENTS)) {
            InterviewApi.gatewayAnswersNextBookingPending();
            Sent confirmed = Sent.create(12);
            confirmed.view().body("status", equalTo("scheduled")).body("awaitingHostConfirmation", equalTo(true));
            handled(created(confirmed.meeting(), confirmed.uid(), confirmed.start(), confirmed.end()));
            confirmed.view().body("status", equalTo("confirmed")).body("awaitingHostConfirmation", equalTo(false));
            assertThat(Db.count("SELECT count(*) FROM interview WHERE id = ?::uuid AND NOT awaiting_host", confirmed.id())).isEqualTo(1);

            List<CloudEvent<InterviewEvent>> told = events.await(r -> confirmed.id().equals(r.key()), 2, Duration.ofSeconds(20)).stream()
                    .map(r -> EventCodec.decodeInterviewEvent(r.value())).toList();
            assertThat(told).extracting(CloudEvent::type).containsExactly(InterviewEventType.INTERVIEW_SCHEDULED.cloudEventType(),
                    InterviewEventType.INTERVIEW_CONFIRMED.cloudEventType());
            assertThat(told).extracting(e -> e.data().tentative()).as("the invitation is tentative until Cal.com confirms it")
                    .containsExactly(true, false);
        }

        InterviewApi.gatewayAnswersNextBookingPending();
        Sent declined = Sent.create(13);
        declined.view().body("awaitingHostConfirmation", equalTo(true));
        handled(cancelled(declined.meeting(), 0, declined.uid(), declined.start(), declined.end(), "Not available that week", false));
        declined.view().body("status", equalTo("cancelled")).body("awaitingHostConfirmation", equalTo(false))
                .body("cancellationReason", equalTo("Not available that week"));

        Sent accepted = Sent.create(14);
        accepted.view().body("status", equalTo("scheduled")).body("awaitingHostConfirmation", equalTo(false));
    }

    @Test
    void changesArrivingOutOfOrderEndWhereCalcomIs() {
        Sent moved = Sent.create(11);
        String newUid = "oo1" + UUID.randomUUID().toString().substring(0, 8);
        handled(rescheduled(moved.meeting(), 1, newUid, moved.uid(), moved.start().plus(DAY), moved.end().plus(DAY)));
        handled(created(moved.meeting(), moved.uid(), moved.start(), moved.end()));
        moved.view().body("status", equalTo("confirmed")).body("startAt", equalTo(moved.start().plus(DAY).toString()))
                .body("calcomBookingUid", equalTo(newUid)).body("sequence", equalTo(1));

        Sent gone = Sent.create(12);
        handled(cancelled(gone.meeting(), 0, gone.uid(), gone.start(), gone.end(), "No longer needed", false));
        handled(created(gone.meeting(), gone.uid(), gone.start(), gone.end()));
        gone.view().body("status", equalTo("cancelled"));
    }

    @Test
    void aCancelledInterviewWhoseBookingGetsANewTimeOnCalcomIsBackAndEveryoneIsInvitedAgain() {
        // The host's request for another time reached us as a plain cancellation (calcom-gateway's look-up found it; its
        // webhook never came); the attendee then picked a new time on Cal.com.
        Sent i = Sent.create(13);
        handled(created(i.meeting(), i.uid(), i.start(), i.end()));
        handled(cancelled(i.meeting(), 0, i.uid(), i.start(), i.end(), "Could we find another day?", false));
        i.view().body("status", equalTo("cancelled")).body("sequence", equalTo(2));

        try (TopicProbe events = TopicProbe.fromNow(Topics.INTERVIEW_EVENTS)) {
            String picked = "bk" + UUID.randomUUID().toString().substring(0, 8);
            Instant later = i.start().plus(DAY.multipliedBy(3));
            handled(rescheduled(i.meeting(), 1, picked, i.uid(), later, later.plus(Duration.ofMinutes(30))));

            i.view().body("status", equalTo("confirmed")).body("invitationStatus", equalTo("confirmed"))
                    .body("startAt", equalTo(later.toString())).body("calcomBookingUid", equalTo(picked)).body("sequence", equalTo(3));
            List<ConsumerRecord<String, String>> records = events.await(r -> i.id().equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(records).extracting(r -> EventCodec.decodeInterviewEvent(r.value()).type())
                    .containsExactly(InterviewEventType.INTERVIEW_RESCHEDULED.cloudEventType());
        }
    }

    @Test
    void aBookingMadeOnCalcomDirectlyIsRecordedNotDropped() {
        Setup s = Setup.create();
        String uid = "dir" + UUID.randomUUID().toString().substring(0, 10);
        Meeting direct = Meeting.of(null, uid + "@Cal.com", new BookingPerson("Ada", s.ada().email(), "Europe/Berlin"),
                new BookingPerson("Walk In", "walk-in-" + s.tag() + "@startup.test", "UTC"));
        Instant start = Instant.parse(InterviewApi.hoursAhead(13, 14));
        CalcomBookingRecords.publishRaw(direct.icalUid(), "{ not a cloud event");
        try (TopicProbe events = TopicProbe.fromNow(Topics.INTERVIEW_EVENTS)) {
            handled(created(direct, uid, start, start.plus(Duration.ofMinutes(30))));
            String id = Db.text("SELECT id::text FROM interview WHERE calcom_booking_uid = ?", uid);
            assertThat(id).isNotNull();
            get(s.ada(), "/api/interviews/" + id).statusCode(200).body("origin", equalTo("calcom")).body("status", equalTo("confirmed"))
                    .body("team.primary.id", equalTo(s.adaId())).body("guests", hasSize(1))
                    .body("guests[0].email", equalTo("walk-in-" + s.tag() + "@startup.test")).body("title", equalTo("Interview with Ada"))
                    .body("calcomHost.email", equalTo(s.ada().email()));
            get(s.ada(), "/api/interviews?status=confirmed&limit=100").body("id", hasItem(id));
            handled(cancelled(direct, 0, uid, start, start.plus(Duration.ofMinutes(30)), "Host is ill", false));
            get(s.ada(), "/api/interviews/" + id).body("status", equalTo("cancelled"));
            // Cal.com told its own attendees; we tell nobody again
            assertThat(events.collect(r -> id.equals(r.key()), Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void controlCharactersTypedOnCalcomAreLeftOutOfTheRecordedBooking() {
        Setup s = Setup.create();
        Instant start = Instant.parse(InterviewApi.hoursAhead(15, 10));
        String uid = "nul" + UUID.randomUUID().toString().substring(0, 10);
        // The title is made of the host's name; a NUL arrives fine as JSON but could not be stored in PostgreSQL's text.
        Meeting m = Meeting.of(null, uid + "@Cal.com", new BookingPerson("Ada\u0000", s.ada().email(), "Europe/Berlin"),
                new BookingPerson("Walk\u0007In", "ctl-" + s.tag() + "@startup.test", "UTC"));

        handled(created(m, uid, start, start.plus(Duration.ofMinutes(30))));

        String id = Db.text("SELECT id::text FROM interview WHERE calcom_booking_uid = ?", uid);
        assertThat(id).as("the booking is recorded").isNotNull();
        get(s.ada(), "/api/interviews/" + id).statusCode(200).body("title", equalTo("Interview with Ada"))
                .body("guests[0].name", equalTo("Walk In"));
    }

    @Test
    void aBookingTheDatabaseRefusesIsSkippedAndTheNextOnItsPartitionIsHandled() {
        Setup s = Setup.create();
        // Past the last year PostgreSQL can store (294276): Cal.com would never send it, but a bad record must not stop
        // the records after it.
        Instant far = Instant.parse("+295000-01-01T10:00:00Z");
        String refusedUid = "far" + UUID.randomUUID().toString().substring(0, 10);
        Meeting refused = Meeting.of(null, refusedUid + "@Cal.com", new BookingPerson("Ada", s.ada().email(), "Europe/Berlin"),
                new BookingPerson("Walk In", "far-" + s.tag() + "@startup.test", "UTC"));
        String nextUid = "next" + UUID.randomUUID().toString().substring(0, 10);
        Meeting next = Meeting.of(null, nextUid + "@Cal.com", new BookingPerson("Ada", s.ada().email(), "Europe/Berlin"),
                new BookingPerson("Walk In Too", "next-" + s.tag() + "@startup.test", "UTC"));
        Instant start = Instant.parse(InterviewApi.hoursAhead(15, 12));

        created(refused, refusedUid, far, far.plus(Duration.ofMinutes(30)));
        handled(CalcomBookingRecords.createdUnderKey(refused.icalUid(), next, nextUid, start, start.plus(Duration.ofMinutes(30))));

        assertThat(Db.text("SELECT status FROM interview WHERE calcom_booking_uid = ?", nextUid)).isEqualTo("confirmed");
        assertThat(Db.count("SELECT count(*) FROM interview WHERE calcom_booking_uid = ?", refusedUid)).isZero();
    }

    @Test
    void anInterviewWhoseRowCannotBeReadFailsAloneAndTheNextChangeOnItsPartitionIsHandled() {
        Sent spoiled = Sent.create(16);
        Sent next = Sent.create(17);
        assertThat(Db.execute("UPDATE interview SET guests = '[{\"name\":' WHERE id = ?::uuid", spoiled.id())).isEqualTo(1);
        try {
            created(spoiled.meeting(), spoiled.uid(), spoiled.start(), spoiled.end());
            handled(CalcomBookingRecords.createdUnderKey(spoiled.meeting().icalUid(), next.meeting(), next.uid(), next.start(), next.end()));
            next.view().body("status", equalTo("confirmed"));
        } finally {
            // Not left for the other tests of this database (an admin's list would log it on every read).
            Db.execute("DELETE FROM interview WHERE id = ?::uuid", spoiled.id());
        }
    }

    /** A draft whose send's answer was lost (calcom-gateway answered 503): the booking may exist on Cal.com all the same. */
    private record LostSend(Setup setup, String id, Instant start) {
        static LostSend of(int daysAhead) {
            Setup s = Setup.create();
            String id = s.readyDraft(InterviewApi.hoursAhead(daysAhead, 9));
            InterviewApi.scriptGateway("503");
            send(s.ada(), id).statusCode(503);
            return new LostSend(s, id, Instant.parse(get(s.ada(), "/api/interviews/" + id).extract().path("startAt")));
        }

        boolean bookedOnce() {
            return InterviewApi.gatewayBookings().split("\"interviewId\":\"" + id + "\"", -1).length == 2;
        }
    }

    @Test
    void aBookingWhoseAnswerWasLostIsAdoptedByItsDraftNeverBookedTwice() {
        LostSend lost = LostSend.of(14);
        // Cal.com did make the booking; its webhook names our interview
        String uid = "lost" + UUID.randomUUID().toString().substring(0, 8);
        handled(created(Meeting.of(lost.id(), uid + "@Cal.com", CalcomBookingRecords.HOST), uid, lost.start(),
                lost.start().plus(Duration.ofMinutes(30))));
        send(lost.setup().ada(), lost.id()).statusCode(200).body("status", equalTo("confirmed")).body("calcomBookingUid", equalTo(uid))
                .body("guests[0].invitationStatus", equalTo("sent"));
        assertThat(lost.bookedOnce()).isTrue();
    }

    /**
     * The lost answer of a booking that waits for its host's confirmation: its request names our interview, so the draft
     * adopts it (scheduled, waiting for the host, tentative invitations) and a send again books nothing twice. A booking
     * that waits for its host, made on Cal.com directly, is recorded as such until it is confirmed.
     */
    @Test
    void aRequestedBookingIsAdoptedByTheDraftWhoseAnswerWasLostAndOneMadeOnCalcomIsRecordedAsWaiting() {
        LostSend lost = LostSend.of(16);
        Setup s = lost.setup();
        String id = lost.id();
        Instant start = lost.start();
        String uid = "req" + UUID.randomUUID().toString().substring(0, 8);
        Meeting meeting = Meeting.of(id, uid + "@Cal.com", CalcomBookingRecords.HOST);
        try (TopicProbe events = TopicProbe.fromNow(Topics.INTERVIEW_EVENTS)) {
            handled(CalcomBookingRecords.requested(meeting, uid, start, start.plus(Duration.ofMinutes(30))));
            send(s.ada(), id).statusCode(200).body("status", equalTo("scheduled")).body("calcomBookingUid", equalTo(uid))
                    .body("awaitingHostConfirmation", equalTo(true)).body("guests[0].invitationStatus", equalTo("sent"));
            CloudEvent<InterviewEvent> told = EventCodec.decodeInterviewEvent(
                    events.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(20)).get(0).value());
            assertThat(told.type()).isEqualTo(InterviewEventType.INTERVIEW_SCHEDULED.cloudEventType());
            assertThat(told.data().tentative()).isTrue();
        }
        assertThat(lost.bookedOnce()).as("booked once").isTrue();
        handled(created(meeting, uid, start, start.plus(Duration.ofMinutes(30))));
        get(s.ada(), "/api/interviews/" + id).body("status", equalTo("confirmed")).body("awaitingHostConfirmation", equalTo(false));

        String directUid = "dreq" + UUID.randomUUID().toString().substring(0, 8);
        Meeting direct = Meeting.of(null, directUid + "@Cal.com", new BookingPerson("Ada", s.ada().email(), "Europe/Berlin"),
                new BookingPerson("Walk In", "walk-" + s.tag() + "@startup.test", "UTC"));
        Instant later = Instant.parse(InterviewApi.hoursAhead(17, 12));
        handled(CalcomBookingRecords.requested(direct, directUid, later, later.plus(Duration.ofMinutes(30))));
        assertThat(Db.text("SELECT status FROM interview WHERE calcom_booking_uid = ?", directUid)).isEqualTo("scheduled");
        assertThat(Db.count("SELECT count(*) FROM interview WHERE calcom_booking_uid = ? AND awaiting_host AND origin = 'calcom'", directUid))
                .isEqualTo(1);
        handled(created(direct, directUid, later, later.plus(Duration.ofMinutes(30))));
        assertThat(Db.text("SELECT status FROM interview WHERE calcom_booking_uid = ?", directUid)).isEqualTo("confirmed");
        assertThat(Db.count("SELECT count(*) FROM interview WHERE calcom_booking_uid = ? AND awaiting_host", directUid)).isZero();
    }
}
