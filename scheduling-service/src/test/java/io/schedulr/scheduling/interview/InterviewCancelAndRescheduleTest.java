package io.schedulr.scheduling.interview;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.schedulr.events.BookingPerson;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.InterviewEvent;
import io.schedulr.events.InterviewEventType;
import io.schedulr.events.Topics;
import io.schedulr.scheduling.api.Db;
import io.schedulr.scheduling.interview.CalcomBookingRecords.Meeting;
import io.schedulr.scheduling.interview.InterviewFlowTest.Setup;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import io.schedulr.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.schedulr.scheduling.interview.CalcomBookingRecords.cancelled;
import static io.schedulr.scheduling.interview.CalcomBookingRecords.handled;
import static io.schedulr.scheduling.interview.CalcomBookingRecords.rescheduled;
import static io.schedulr.scheduling.interview.InterviewApi.get;
import static io.schedulr.scheduling.interview.InterviewApi.post;
import static io.schedulr.scheduling.interview.InterviewApi.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Cancelling and moving a sent interview from schedulr: Cal.com is asked (through the gateway), then everyone is told once. */
@QuarkusTest
class InterviewCancelAndRescheduleTest {

    private record Sent(Setup setup, String id, String uid, Instant start) {
        static Sent create(int daysAhead) {
            Setup s = Setup.create();
            String id = s.readyDraft(InterviewApi.hoursAhead(daysAhead, 9));
            String uid = send(s.ada(), id).statusCode(200).extract().path("calcomBookingUid");
            return new Sent(s, id, uid, Instant.parse(get(s.ada(), "/api/interviews/" + id).extract().path("startAt")));
        }

        Meeting meeting() {
            return Meeting.of(id, uid + "@Cal.com", CalcomBookingRecords.HOST,
                    new BookingPerson("Grace " + setup.tag(), "grace-" + setup.tag() + "@acme.test", "Europe/Berlin"));
        }
    }

    private static io.restassured.response.ValidatableResponse reschedule(TestUser who, String id, String body) {
        return post(who, "/api/interviews/" + id + "/reschedule", body);
    }

    private static io.restassured.response.ValidatableResponse cancel(TestUser who, String id, String body) {
        return post(who, "/api/interviews/" + id + "/cancel", body);
    }

    @Test
    void theSenderMovesThenCancelsAndEveryoneIsToldOnceWhateverCalcomsWebhooksRepeat() {
        Sent i;
        try (TopicProbe events = TopicProbe.fromNow(Topics.INTERVIEW_EVENTS)) {
            i = Sent.create(20);
            Instant later = i.start().plus(Duration.ofDays(1)).plus(Duration.ofHours(1));
            String newUid = reschedule(i.setup().ada(), i.id(), "{\"start\":\"" + later + "\",\"reason\":\"The founder is travelling\"}")
                    .statusCode(200).body("status", equalTo("scheduled")).body("startAt", equalTo(later.toString()))
                    .body("endAt", equalTo(later.plus(Duration.ofMinutes(30)).toString())).body("sequence", equalTo(1))
                    .body("calcomBookingUid", not(equalTo(i.uid()))).extract().path("calcomBookingUid");
            assertThat(InterviewApi.gatewayChanges()).contains("{\"uid\":\"" + i.uid() + "\",\"action\":\"reschedule\",\"body\":{\"start\":\""
                    + later + "\",\"reschedulingReason\":\"The founder is travelling\"}}");
            // Cal.com's webhook for the same move changes nothing more
            handled(rescheduled(i.meeting(), 1, newUid, i.uid(), later, later.plus(Duration.ofMinutes(30))));
            get(i.setup().ada(), "/api/interviews/" + i.id()).body("sequence", equalTo(1)).body("startAt", equalTo(later.toString()))
                    .body("status", equalTo("confirmed")).body("changeable", equalTo(true)).body("over", equalTo(false));
            get(i.setup().ben(), "/api/interviews/" + i.id()).body("changeable", equalTo(false));

            cancel(i.setup().ada(), i.id(), "{\"reason\":\"The startup withdrew\"}").statusCode(200)
                    .body("status", equalTo("cancelled")).body("invitationStatus", equalTo("cancelled"))
                    .body("cancellationReason", equalTo("The startup withdrew")).body("sequence", equalTo(2))
                    .body("changeable", equalTo(false));
            assertThat(InterviewApi.gatewayChanges()).contains("{\"uid\":\"" + newUid + "\",\"action\":\"cancel\",\"body\":{\"cancellationReason\":"
                    + "\"The startup withdrew\"}}");
            handled(cancelled(i.meeting(), 1, newUid, later, later.plus(Duration.ofMinutes(30)), "The startup withdrew", false));

            String id = i.id();
            List<ConsumerRecord<String, String>> records = events.await(r -> id.equals(r.key()), 3, Duration.ofSeconds(20));
            List<CloudEvent<InterviewEvent>> told = records.stream().map(r -> EventCodec.decodeInterviewEvent(r.value())).toList();
            assertThat(told).extracting(CloudEvent::type).containsExactly(InterviewEventType.INTERVIEW_SCHEDULED.cloudEventType(),
                    InterviewEventType.INTERVIEW_RESCHEDULED.cloudEventType(), InterviewEventType.INTERVIEW_CANCELLED.cloudEventType());
            assertThat(told).extracting(e -> e.data().sequence()).containsExactly(0, 1, 2);
            assertThat(told.get(1).data().startUtc()).isEqualTo(later);
            assertThat(told.get(1).data().reason()).as("the reason given for the move").isEqualTo("The founder is travelling");
            assertThat(told.get(2).data().reason()).isEqualTo("The startup withdrew");
            assertThat(events.collect(r -> id.equals(r.key()), Duration.ofSeconds(1))).as("nothing for the webhooks").hasSize(3);
        }
        Instant later = Instant.parse(get(i.setup().ada(), "/api/interviews/" + i.id()).extract().path("startAt"));
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND actor_id = ? AND action IN "
                + "('interview.rescheduled', 'interview.cancelled')", i.id(), i.setup().ada().id())).isEqualTo(2);
        cancel(i.setup().ada(), i.id(), "{}").statusCode(409).body("code", equalTo("interview_cancelled"));
        reschedule(i.setup().ada(), i.id(), "{\"start\":\"" + later.plus(Duration.ofDays(1)) + "\"}").statusCode(409)
                .body("code", equalTo("interview_cancelled"));
    }

    @Test
    void onlyTheSenderAndAdminsMayAndNothingChangesWhenCalcomRefuses() {
        Sent i = Sent.create(21);
        Instant later = i.start().plus(Duration.ofDays(1));
        // Ben is on the team and sees it, but the Cal.com booking is Ada's
        get(i.setup().ben(), "/api/interviews/" + i.id()).statusCode(200);
        cancel(i.setup().ben(), i.id(), "{}").statusCode(403).body("code", equalTo("not_interview_sender"));
        reschedule(i.setup().ben(), i.id(), "{\"start\":\"" + later + "\"}").statusCode(403).body("code", equalTo("not_interview_sender"));
        TestUser stranger = Tokens.newUser("Stranger", "UTC");
        cancel(stranger, i.id(), "{}").statusCode(404).body("code", equalTo("interview_not_found"));

        reschedule(i.setup().ada(), i.id(), "{\"start\":\"" + i.start() + "\"}").statusCode(400).body("code", equalTo("invalid_start"));
        reschedule(i.setup().ada(), i.id(), "{\"start\":\"2001-01-01T10:00:00Z\"}").statusCode(400).body("code", equalTo("invalid_start"));
        cancel(i.setup().ada(), i.id(), "{\"reason\":\"one\\r\\ntwo\"}").statusCode(400).body("code", equalTo("invalid_reason"));

        InterviewApi.scriptGateway("503");
        reschedule(i.setup().ada(), i.id(), "{\"start\":\"" + later + "\"}").statusCode(503).body("code", equalTo("calcom_unavailable"));
        InterviewApi.scriptGateway("422");
        cancel(i.setup().ada(), i.id(), "{}").statusCode(422).body("code", equalTo("calcom_rejected"));
        get(i.setup().ada(), "/api/interviews/" + i.id()).body("status", equalTo("scheduled")).body("startAt", equalTo(i.start().toString()))
                .body("calcomBookingUid", equalTo(i.uid())).body("sequence", equalTo(0));

        reschedule(i.setup().admin(), i.id(), "{\"start\":\"" + later + "\"}").statusCode(200).body("startAt", equalTo(later.toString()));
        // no body and no content type, as `curl -X POST` sends it: taken as an empty body
        io.restassured.RestAssured.given().header("Authorization", i.setup().admin().bearer()).post("/api/interviews/" + i.id() + "/cancel")
                .then().statusCode(200).body("status", equalTo("cancelled"));
    }

    @Test
    void anInterviewWhoseHostAskedOnCalcomForANewTimeCanStillBeCancelledHere() {
        Sent i = Sent.create(24);
        // On Cal.com the host asks for another time: Cal.com cancels the booking (as requestReschedule) and says so.
        InterviewApi.fakeCalcomRequestsReschedule(i.uid());
        handled(cancelled(i.meeting(), 1, i.uid(), i.start(), i.start().plus(Duration.ofMinutes(30)), "Another day?", true));
        get(i.setup().ada(), "/api/interviews/" + i.id()).body("awaitingNewTime", equalTo(true)).body("changeable", equalTo(true));

        // Cal.com refuses to cancel it again; it is cancelled there, so the interview is cancelled here.
        cancel(i.setup().ada(), i.id(), "{\"reason\":\"The startup withdrew\"}").statusCode(200)
                .body("status", equalTo("cancelled")).body("cancellationReason", equalTo("The startup withdrew"));
    }

    @Test
    void aHostsRequestForANewTimeIsAnsweredByReschedulingHereEvenToTheOldTime() {
        Sent i = Sent.create(25);
        InterviewApi.fakeCalcomRequestsReschedule(i.uid());
        handled(cancelled(i.meeting(), 1, i.uid(), i.start(), i.start().plus(Duration.ofMinutes(30)), "Another hour?", true));
        get(i.setup().ada(), "/api/interviews/" + i.id()).body("awaitingNewTime", equalTo(true));

        String newUid = reschedule(i.setup().ada(), i.id(), "{\"start\":\"" + i.start() + "\"}").statusCode(200)
                .body("awaitingNewTime", equalTo(false)).body("startAt", equalTo(i.start().toString()))
                .body("calcomBookingUid", not(equalTo(i.uid()))).body("sequence", equalTo(2)).extract().path("calcomBookingUid");
        assertThat(Db.text("SELECT calcom_booking_uid FROM interview WHERE id = ?::uuid", i.id())).isEqualTo(newUid);
    }

    @Test
    void aMoveOfABookingChangedOnCalcomWhoseWebhookHasNotComeSaysSoAndChangesNothing() {
        Sent i = Sent.create(26);
        InterviewApi.fakeCalcomChangedElsewhere(i.uid());

        reschedule(i.setup().ada(), i.id(), "{\"start\":\"" + i.start().plus(Duration.ofDays(1)) + "\"}").statusCode(409)
                .body("code", equalTo("interview_changed_on_calcom"));
        get(i.setup().ada(), "/api/interviews/" + i.id()).body("status", equalTo("scheduled")).body("startAt", equalTo(i.start().toString()))
                .body("sequence", equalTo(0));
    }

    @Test
    void aCancelOfABookingMovedOnCalcomWhoseWebhookHasNotComeSaysSoAndChangesNothing() {
        Sent i = Sent.create(28);
        InterviewApi.fakeCalcomMovedElsewhere(i.uid());

        cancel(i.setup().ada(), i.id(), "{\"reason\":\"The startup withdrew\"}").statusCode(409)
                .body("code", equalTo("interview_changed_on_calcom"));
        get(i.setup().ada(), "/api/interviews/" + i.id()).body("status", equalTo("scheduled")).body("cancellationReason", nullValue())
                .body("sequence", equalTo(0));
    }

    @Test
    void anInterviewThatIsOverCanNoLongerBeMovedOrCancelled() {
        Sent i = Sent.create(27);
        // It took place yesterday (the clock of the service is the real one, so the interview is moved back instead).
        Instant yesterday = Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(Db.execute("UPDATE interview SET start_at = ?::timestamptz, end_at = ?::timestamptz WHERE id = ?::uuid",
                yesterday.toString(), yesterday.plus(Duration.ofMinutes(30)).toString(), i.id())).isEqualTo(1);

        get(i.setup().ada(), "/api/interviews/" + i.id()).statusCode(200).body("changeable", equalTo(false)).body("over", equalTo(true));
        reschedule(i.setup().ada(), i.id(), "{\"start\":\"" + i.start() + "\"}").statusCode(409).body("code", equalTo("interview_over"));
        cancel(i.setup().admin(), i.id(), "{\"reason\":\"Too late\"}").statusCode(409).body("code", equalTo("interview_over"))
                .body("message", org.hamcrest.Matchers.containsString("can no longer be cancelled"));
        get(i.setup().ada(), "/api/interviews/" + i.id()).body("status", equalTo("scheduled")).body("calcomBookingUid", equalTo(i.uid()))
                .body("sequence", equalTo(0));
        assertThat(InterviewApi.gatewayChanges()).as("Cal.com is not asked").doesNotContain("\"uid\":\"" + i.uid() + "\"");
    }

    @Test
    void aDraftHasNoBookingToCancel() {
        Setup s = Setup.create();
        String id = s.readyDraft(InterviewApi.hoursAhead(22, 9));
        cancel(s.ada(), id, "{}").statusCode(409).body("code", equalTo("interview_not_sent"));
        reschedule(s.ada(), id, "{\"start\":\"" + InterviewApi.hoursAhead(23, 9) + "\"}").statusCode(409)
                .body("code", equalTo("interview_not_sent"));
    }

    /** As {@code curl -X POST} sends it: no body and no Content-Type at all (REST Assured always names one). */
    @Test
    void aCancelWithNoBodyAndNoContentTypeIsTakenAsAnEmptyBody() throws Exception {
        Setup s = Setup.create();
        String id = s.readyDraft(InterviewApi.hoursAhead(22, 10));
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + "/api/interviews/" + id + "/cancel"))
                .header("Authorization", s.ada().bearer()).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.request().headers().firstValue("Content-Type")).isEmpty();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
        assertThat(answer.body()).contains("\"interview_not_sent\"");
    }

    /** Over HTTP/2 (cleartext, prior knowledge) a body may come without a Content-Length: the one without any is still empty. */
    @Test
    void overHttp2ACancelWithNoBodyIsTakenAsAnEmptyBodyAndATextBodyIsRefusedAs415() throws Exception {
        Setup s = Setup.create();
        String id = s.readyDraft(InterviewApi.hoursAhead(22, 11));
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
            String path = "/api/interviews/" + id + "/cancel";
            Buffer[] body = new Buffer[1];
            int bodiless = client.request(HttpMethod.POST, RestAssured.port, "localhost", path)
                    .compose(r -> r.putHeader("Authorization", s.ada().bearer()).send())
                    .compose(r -> {
                        assertThat(r.version()).isEqualTo(HttpVersion.HTTP_2);
                        return r.body().map(b -> {
                            body[0] = b;
                            return r.statusCode();
                        });
                    }).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertThat(bodiless).as(body[0].toString()).isEqualTo(409);
            assertThat(body[0].toString()).contains("\"interview_not_sent\"");

            int text = client.request(HttpMethod.POST, RestAssured.port, "localhost", path)
                    .compose(r -> {
                        r.putHeader("Authorization", s.ada().bearer()).putHeader("Content-Type", "text/plain").setChunked(true);
                        return r.send(Buffer.buffer("cancel it please"));
                    })
                    .compose(r -> r.body().map(b -> {
                        body[0] = b;
                        return r.statusCode();
                    })).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertThat(text).as(body[0].toString()).isEqualTo(415);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
