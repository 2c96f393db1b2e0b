package io.schedulr.scheduling.interview;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The interview routes as a wizard drives them, and what a test needs around them (team, startup, the fake gateway). */
final class InterviewApi {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private InterviewApi() {
    }

    static TestUser admin() {
        return Tokens.newUserWithRoles("Admin " + UUID.randomUUID().toString().substring(0, 6), "UTC", "admin");
    }

    /** A new team member with the person's own address, so their token sees the interviews they are on. */
    static String member(TestUser admin, TestUser person, String role, Long calcomUserId) {
        String body = "{\"name\":\"" + person.name() + "\",\"email\":\"" + person.email() + "\",\"role\":\"" + role + "\""
                + (calcomUserId == null ? "" : ",\"calcomUserId\":" + calcomUserId) + "}";
        return post(admin, "/api/team-members", body).statusCode(201).extract().path("id");
    }

    static String startup(TestUser who, String name) {
        return post(who, "/api/startups", "{\"name\":\"" + name + "\"}").statusCode(201).extract().path("id");
    }

    static String contact(TestUser who, String startupId, String name, String email) {
        return post(who, "/api/startups/" + startupId + "/contacts",
                "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"role\":\"CEO\"}").statusCode(201).extract().path("id");
    }

    static String draft(TestUser who) {
        return post(who, "/api/interviews", "{}").statusCode(201).extract().path("id");
    }

    static ValidatableResponse step(TestUser who, String interviewId, String step, String body) {
        return given().header("Authorization", who.bearer()).contentType(ContentType.JSON).body(body)
                .put("/api/interviews/" + interviewId + "/steps/" + step).then();
    }

    static ValidatableResponse get(TestUser who, String path) {
        return given().header("Authorization", who.bearer()).get(path).then();
    }

    static ValidatableResponse post(TestUser who, String path, String body) {
        var request = given().header("Authorization", who.bearer());
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post(path).then();
    }

    static ValidatableResponse send(TestUser who, String interviewId) {
        return post(who, "/api/interviews/" + interviewId + "/send", null);
    }

    /** A whole hour some days ahead, as ISO text. */
    static String hoursAhead(int days, int hour) {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(days)).plus(Duration.ofHours(hour)).toString();
    }

    /** Makes the next booking calls of the fake gateway fail with these statuses (none: all succeed). */
    static void scriptGateway(String statuses) {
        fake("/_fake/script", statuses);
    }

    static String gatewayBookings() {
        return fake("/_fake/bookings", null);
    }

    /** The host asks on Cal.com for a new time: the fake gateway's booking is cancelled and may be rescheduled. */
    /** The next booking is answered {@code pending}, as for an event type that needs its host's confirmation. */
    static void gatewayAnswersNextBookingPending() {
        fake("/_fake/pending-next", "");
    }

    static void fakeCalcomRequestsReschedule(String uid) {
        fake("/_fake/request-reschedule", uid);
    }

    /** Someone cancels (or moves) the booking on Cal.com itself; its webhook is up to the test. */
    static void fakeCalcomChangedElsewhere(String uid) {
        fake("/_fake/cancel-on-calcom", uid);
    }

    static void fakeCalcomMovedElsewhere(String uid) {
        fake("/_fake/move-on-calcom", uid);
    }

    /** The cancel and reschedule requests the fake gateway received: [{uid, action, body}]. */
    static String gatewayChanges() {
        return fake("/_fake/changes", null);
    }

    private static String fake(String path, String body) {
        String base = ConfigProvider.getConfig().getValue("quarkus.rest-client.calcom-gateway.url", String.class);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        request = body == null ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
