package io.schedulr.scheduling.interview;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.BookingPerson;
import io.schedulr.scheduling.api.RoomApi;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.schedulr.scheduling.interview.InterviewApi.post;
import static io.schedulr.scheduling.interview.InterviewApi.send;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Issue 20: an interview is not sent over a team member's booked session, and a scheduled interview is a booking too. */
@QuarkusTest
class InterviewConflictTest {

    @Test
    void aTeamMembersBookedSessionStopsTheSendingAndTheScheduledInterviewThenBlocksTheirBookings() {
        InterviewFlowTest.Setup s = InterviewFlowTest.Setup.create();
        String start = InterviewApi.hoursAhead(20, 9);
        TestUser roomHost = Tokens.newUser("Room Host " + s.tag(), "UTC");
        String room = RoomApi.create(roomHost, Map.of("datetimeUtc", Instant.parse(start).plus(10, ChronoUnit.MINUTES).toString()))
                .statusCode(201).extract().path("id");
        RoomApi.book(s.ben(), room).statusCode(200);
        String id = s.readyDraft(start);

        send(s.ada(), id).statusCode(409).body("code", equalTo("calendar_conflict")).body("conflicts", hasSize(1))
                .body("conflicts[0].start", equalTo(Instant.parse(start).plus(10, ChronoUnit.MINUTES).toString()));
        post(s.ada(), "/api/interviews/" + id + "/send?allowConflicts=true", null).statusCode(409)
                .body("code", equalTo("calendar_conflict"));
        InterviewApi.get(s.ada(), "/api/interviews/" + id).body("status", equalTo("draft"));

        RoomApi.release(s.ben(), room).statusCode(200);
        send(s.ada(), id).statusCode(200).body("status", equalTo("scheduled"));

        String overlapping = RoomApi.create(roomHost, Map.of("datetimeUtc", Instant.parse(start).plus(5, ChronoUnit.MINUTES).toString()))
                .statusCode(201).extract().path("id");
        RoomApi.book(s.ben(), overlapping).statusCode(409).body("code", equalTo("calendar_conflict"))
                .body("conflicts[0].start", equalTo(start));
    }

    @Test
    void aMoveOntoATeamMembersBookedSessionIsRefusedBeforeCalcomAndAMoveOverlappingOnlyItsOwnTimeIsNot() {
        InterviewFlowTest.Setup s = InterviewFlowTest.Setup.create();
        Instant start = Instant.parse(InterviewApi.hoursAhead(22, 9));
        String id = s.readyDraft(start.toString());
        send(s.ada(), id).statusCode(200);
        String day = start.toString().substring(0, 10);
        java.util.List<String> free = InterviewApi.get(s.ada(), "/api/interviews/" + id + "/options/slots?eventTypeId=1001&from=" + day
                + "T00:00:00Z&to=" + day + "T23:59:00Z&fitsCalendars=true").statusCode(200).extract().path("slots.start");
        org.assertj.core.api.Assertions.assertThat(free.stream().map(t -> java.time.OffsetDateTime.parse(t).toInstant()))
                .as("the sent interview's own time is no clash for the times it may move to").contains(start);
        TestUser roomHost = Tokens.newUser("Room Host " + s.tag(), "UTC");
        Instant bensSession = start.plus(1, ChronoUnit.DAYS);
        String room = RoomApi.create(roomHost, Map.of("datetimeUtc", bensSession.toString())).statusCode(201).extract().path("id");
        RoomApi.book(s.ben(), room).statusCode(200);
        String changesBefore = InterviewApi.gatewayChanges();

        reschedule(s.ada(), id, bensSession.minus(10, ChronoUnit.MINUTES), "").statusCode(409).body("code", equalTo("calendar_conflict"))
                .body("conflicts[0].start", equalTo(bensSession.toString()));
        reschedule(s.ada(), id, bensSession, "?allowConflicts=true").statusCode(409).body("code", equalTo("calendar_conflict"));
        InterviewApi.get(s.ada(), "/api/interviews/" + id).body("startAt", equalTo(start.toString()));
        org.assertj.core.api.Assertions.assertThat(InterviewApi.gatewayChanges()).as("Cal.com never asked").isEqualTo(changesBefore);

        Instant quarterLater = start.plus(15, ChronoUnit.MINUTES);
        reschedule(s.ada(), id, quarterLater, "").statusCode(200).body("startAt", equalTo(quarterLater.toString()));
    }

    @Test
    void aTimeTheHostGaveUpOnCalcomNoLongerMakesTheTeamBusy() {
        InterviewFlowTest.Setup s = InterviewFlowTest.Setup.create();
        String start = InterviewApi.hoursAhead(24, 9);
        String given = s.readyDraft(start);
        String uid = send(s.ada(), given).statusCode(200).extract().path("calcomBookingUid");
        CalcomBookingRecords.Meeting meeting = CalcomBookingRecords.Meeting.of(given, uid + "@Cal.com", CalcomBookingRecords.HOST,
                new BookingPerson("Grace " + s.tag(), "grace-" + s.tag() + "@acme.test", "Europe/Berlin"));
        Instant at = Instant.parse(start);
        CalcomBookingRecords.handled(CalcomBookingRecords.cancelled(meeting, 1, uid, at, at.plus(30, ChronoUnit.MINUTES),
                "Another day?", true));
        InterviewApi.get(s.ada(), "/api/interviews/" + given).body("awaitingNewTime", equalTo(true));

        String next = s.readyDraft(start);
        send(s.ada(), next).statusCode(200).body("status", equalTo("scheduled"));
    }

    @Test
    void stepTwoShowsWhenEachTeamMemberIsBusyInTheWindowAskedAbout() {
        InterviewFlowTest.Setup s = InterviewFlowTest.Setup.create();
        Instant session = Instant.parse(InterviewApi.hoursAhead(26, 9));
        TestUser roomHost = Tokens.newUser("Room Host " + s.tag(), "UTC");
        String room = RoomApi.create(roomHost, Map.of("datetimeUtc", session.toString())).statusCode(201).extract().path("id");
        RoomApi.book(s.ben(), room).statusCode(200);
        String id = InterviewApi.draft(s.ada());
        String team = "/api/interviews/" + id + "/options/team";

        io.restassured.path.json.JsonPath that = InterviewApi.get(s.ada(), team + "?from=" + session.minus(2, ChronoUnit.HOURS) + "&to="
                + session.plus(4, ChronoUnit.HOURS)).statusCode(200).body("timeZone", equalTo("Europe/Berlin")).extract().jsonPath();
        String ben = "members.find { it.id == '" + s.benId() + "' }";
        String ada = "members.find { it.id == '" + s.adaId() + "' }";
        org.assertj.core.api.Assertions.assertThat(that.getString(ben + ".role")).isEqualTo("Associate");
        org.assertj.core.api.Assertions.assertThat(that.getList(ben + ".busy")).as("Ben's booked session").hasSize(1);
        org.assertj.core.api.Assertions.assertThat(java.time.OffsetDateTime.parse(that.getString(ben + ".busy[0].start")).toInstant())
                .isEqualTo(session);
        org.assertj.core.api.Assertions.assertThat(that.getString(ben + ".busy[0].start")).as("in the viewer's zone")
                .endsWith(java.time.ZoneId.of("Europe/Berlin").getRules().getOffset(session).toString());
        org.assertj.core.api.Assertions.assertThat(that.getString(ben + ".googleCalendar")).isEqualTo("not_connected");
        org.assertj.core.api.Assertions.assertThat(that.getList(ada + ".busy")).isEmpty();

        io.restassured.path.json.JsonPath nextDay = InterviewApi.get(s.ada(), team + "?from=" + session.plus(1, ChronoUnit.DAYS) + "&to="
                + session.plus(2, ChronoUnit.DAYS)).statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(nextDay.getList(ben + ".busy")).as("nothing outside the window").isEmpty();
        InterviewApi.get(s.ben(), team + "?from=" + session + "&to=" + session.plus(1, ChronoUnit.DAYS)).statusCode(404)
                .body("code", equalTo("interview_not_found"));
    }

    private static io.restassured.response.ValidatableResponse reschedule(TestUser who, String id, Instant start, String query) {
        return post(who, "/api/interviews/" + id + "/reschedule" + query, "{\"start\":\"" + start + "\"}");
    }
}
