package io.schedulr.scheduling.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.schedulr.scheduling.api.Db;
import io.schedulr.scheduling.api.RoomApi;
import io.schedulr.testsupport.OpenApiErrors;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write and read of scheduling-service against malformed, mistyped, oversized, hostile and out-of-range input:
 * the exact 4xx and {@code {"code","message"}}, nothing written (rooms, slots, outbox, audit), never a 500 or a stack
 * trace, and the service still ready afterwards. Later endpoints add their rows here.
 */
@QuarkusTest
public class BadInputTableTest {
    private static final String FUTURE = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
    private static final String LATER = Instant.now().plus(3, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS).toString();
    private static final String UNKNOWN = UUID.randomUUID().toString();
    private static final String LONG = "x".repeat(5_000);

    /** The host whose room and slot the cases aim at, made on first use (the application is up by then). */
    private static final class Fixture {
        static final TestUser HOST = Tokens.newUser("Table Host", "UTC");
        static final TestUser OTHER = Tokens.newUser("Table Other", "UTC");
        static final String ROOM = RoomApi.createRoom(HOST, 6);
        static final String SLOT = given().header("Authorization", HOST.bearer()).contentType("application/json")
                .body("{\"startTs\":\"" + Instant.now().plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS) + "\",\"endTs\":\""
                        + Instant.now().plus(9, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS) + "\"}")
                .post("/api/slots").then().statusCode(201).extract().path("[0].id");
        /** Whose requests to the team routes are an admin's ({@code -ADMIN} cases), and the rows they aim at. */
        static final TestUser ADMIN = Tokens.newUserWithRoles("Table Admin", "UTC", "admin");
        static final String MEMBER_EMAIL = "table-member-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        static final String MEMBER = given().header("Authorization", ADMIN.bearer()).contentType("application/json")
                .body("{\"name\":\"Table Member\",\"email\":\"" + MEMBER_EMAIL + "\",\"role\":\"Partner\"}")
                .post("/api/team-members").then().statusCode(201).extract().path("id");
        static final String STARTUP_NAME = "Table Startup " + UUID.randomUUID().toString().substring(0, 8);
        static final String STARTUP = given().header("Authorization", HOST.bearer()).contentType("application/json")
                .body("{\"name\":\"" + STARTUP_NAME + "\"}").post("/api/startups").then().statusCode(201).extract().path("id");
        static final String CONTACT_EMAIL = "table-contact-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        static final String CONTACT = given().header("Authorization", HOST.bearer()).contentType("application/json")
                .body("{\"name\":\"Table Contact\",\"email\":\"" + CONTACT_EMAIL + "\",\"role\":\"CEO\"}")
                .post("/api/startups/" + STARTUP + "/contacts").then().statusCode(201).extract().path("id");
        /** A draft interview of HOST's, its startup and contact chosen, that the interview cases aim at. */
        static final String INTERVIEW = draftWithStartup();

        private static String draftWithStartup() {
            String id = given().header("Authorization", HOST.bearer()).contentType("application/json").body("{}")
                    .post("/api/interviews").then().statusCode(201).extract().path("id");
            given().header("Authorization", HOST.bearer()).contentType("application/json")
                    .body("{\"startupId\":\"" + STARTUP + "\",\"contactId\":\"" + CONTACT + "\"}")
                    .put("/api/interviews/" + id + "/steps/startup").then().statusCode(200);
            return id;
        }
    }

    record Case(String name, String method, String path, String body, String contentType, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case post(String name, String path, String body, int status, String code) {
        return new Case(name, "POST", path, body, "application/json", status, code);
    }

    private static Case get(String name, String path, int status, String code) {
        return new Case(name, "GET", path, null, null, status, code);
    }

    private static Case delete(String name, String path, int status, String code) {
        return new Case(name, "DELETE", path, null, null, status, code);
    }

    /** As an admin (the team routes refuse everyone else before looking at the values). */
    private static Case admin(String method, String name, String path, String body, int status, String code) {
        return new Case(name, method + "-ADMIN", path, body, body == null ? null : "application/json", status, code);
    }

    private static Case patch(String name, String path, String body, int status, String code) {
        return new Case(name, "PATCH", path, body, "application/json", status, code);
    }

    private static Case put(String name, String path, String body, int status, String code) {
        return new Case(name, "PUT", path, body, "application/json", status, code);
    }

    /** Reminder preferences (issue #20): each refusal names its field and changes nothing, nor announces anything. */
    private static void preferenceCases(List<Case> c) {
        String prefs = "/api/me/preferences";
        c.add(put("preferences: not JSON", prefs, "{oops", 400, "malformed_json"));
        c.add(put("preferences: empty body", prefs, "{}", 400, "invalid_reminderChannel"));
        c.add(put("preferences: no minutes", prefs, "{\"reminderChannel\":\"email\"}", 400, "invalid_reminderMinutes"));
        c.add(put("preferences: no channel", prefs, "{\"reminderMinutes\":[10]}", 400, "invalid_reminderChannel"));
        c.add(put("preferences: four reminders", prefs, "{\"reminderMinutes\":[1,2,3,4],\"reminderChannel\":\"email\"}", 400,
                "invalid_reminderMinutes"));
        c.add(put("preferences: zero minutes", prefs, "{\"reminderMinutes\":[0],\"reminderChannel\":\"email\"}", 400,
                "invalid_reminderMinutes"));
        c.add(put("preferences: negative minutes", prefs, "{\"reminderMinutes\":[-10],\"reminderChannel\":\"email\"}", 400,
                "invalid_reminderMinutes"));
        c.add(put("preferences: over 7 days", prefs, "{\"reminderMinutes\":[10081],\"reminderChannel\":\"email\"}", 400,
                "invalid_reminderMinutes"));
        c.add(put("preferences: huge number", prefs, "{\"reminderMinutes\":[99999999999999],\"reminderChannel\":\"email\"}", 400,
                "invalid_reminderMinutes"));
        c.add(put("preferences: fraction", prefs, "{\"reminderMinutes\":[1.5],\"reminderChannel\":\"email\"}", 400,
                "invalid_reminderMinutes"));
        c.add(put("preferences: minutes as text", prefs, "{\"reminderMinutes\":[\"10\"],\"reminderChannel\":\"email\"}", 400,
                "invalid_reminderMinutes"));
        c.add(put("preferences: minutes not a list", prefs, "{\"reminderMinutes\":\"60,10\",\"reminderChannel\":\"email\"}", 400,
                "invalid_reminderMinutes"));
        c.add(put("preferences: null minutes", prefs, "{\"reminderMinutes\":null,\"reminderChannel\":\"email\"}", 400,
                "invalid_reminderMinutes"));
        c.add(put("preferences: the same lead twice", prefs, "{\"reminderMinutes\":[10,10],\"reminderChannel\":\"email\"}", 400,
                "invalid_reminderMinutes"));
        c.add(put("preferences: unknown channel", prefs, "{\"reminderMinutes\":[10],\"reminderChannel\":\"sms\"}", 400,
                "invalid_reminderChannel"));
        c.add(put("preferences: channel in capitals", prefs, "{\"reminderMinutes\":[10],\"reminderChannel\":\"EMAIL\"}", 400,
                "invalid_reminderChannel"));
        c.add(put("preferences: channel as number", prefs, "{\"reminderMinutes\":[10],\"reminderChannel\":1}", 400, "invalid_field"));
        c.add(put("preferences: unknown field", prefs, "{\"reminderMinutes\":[10],\"reminderChannel\":\"email\",\"userId\":\"x\"}",
                400, "unknown_field"));
        c.add(put("preferences: a list", prefs, "[]", 400, "invalid_body"));
        c.add(new Case("preferences: text body", "PUT", prefs, "hello", "text/plain", 415, "unsupported_media_type"));

        String zone = "/api/me/time-zone";
        c.add(put("time zone: not JSON", zone, "{oops", 400, "malformed_json"));
        c.add(put("time zone: empty body", zone, "{}", 400, "invalid_timeZone"));
        c.add(put("time zone: blank", zone, "{\"timeZone\":\" \"}", 400, "invalid_timeZone"));
        c.add(put("time zone: unknown zone", zone, "{\"timeZone\":\"Mars/Olympus\"}", 400, "invalid_timeZone"));
        c.add(put("time zone: an offset, not a zone", zone, "{\"timeZone\":\"+02:00\"}", 400, "invalid_timeZone"));
        c.add(put("time zone: wrong case", zone, "{\"timeZone\":\"europe/berlin\"}", 400, "invalid_timeZone"));
        c.add(put("time zone: oversized", zone, "{\"timeZone\":\"" + LONG + "\"}", 400, "invalid_timeZone"));
        c.add(put("time zone: with CRLF", zone, "{\"timeZone\":\"UTC\\r\\nX-Forged: 1\"}", 400, "invalid_timeZone"));
        c.add(put("time zone: as number", zone, "{\"timeZone\":1}", 400, "invalid_field"));
        c.add(put("time zone: unknown field", zone, "{\"timeZone\":\"UTC\",\"userId\":\"x\"}", 400, "unknown_field"));
        c.add(put("time zone: a list", zone, "[]", 400, "invalid_body"));
        c.add(new Case("time zone: text body", "PUT", zone, "hello", "text/plain", 415, "unsupported_media_type"));
    }

    /** The interview flow (issue #15): each step's refusals leave the draft and every table as they were. */
    private static void interviewCases(List<Case> c) {
        String interviews = "/api/interviews";
        String steps = interviews + "/%INTERVIEW%/steps/";
        c.add(post("interviews: not JSON", interviews, "{oops", 400, "malformed_json"));
        c.add(post("interviews: startup not a UUID", interviews, "{\"startupId\":\"acme\"}", 400, "invalid_startupId"));
        c.add(post("interviews: unknown startup", interviews, "{\"startupId\":\"" + UNKNOWN + "\"}", 404, "startup_not_found"));
        c.add(post("interviews: unknown field", interviews, "{\"status\":\"confirmed\"}", 400, "unknown_field"));
        c.add(get("interviews: id not a UUID", interviews + "/nope", 400, "invalid_interview_id"));
        c.add(get("interviews: unknown id", interviews + "/" + UNKNOWN, 404, "interview_not_found"));
        c.add(new Case("interviews: a stranger reads", "GET-OTHER", interviews + "/%INTERVIEW%", null, null, 404, "interview_not_found"));
        c.add(get("interviews: bad status filter", interviews + "?status=maybe", 400, "invalid_status"));
        c.add(get("interviews: startupId not an id", interviews + "?startupId=acme", 400, "invalid_startupId"));
        c.add(get("interviews: limit 0", interviews + "?limit=0", 400, "invalid_limit"));
        c.add(put("startup step: empty", steps + "startup", "{}", 400, "invalid_startupId"));
        c.add(put("startup step: no contact", steps + "startup", "{\"startupId\":\"%STARTUP%\"}", 400, "invalid_contact"));
        c.add(put("startup step: unknown contact", steps + "startup", "{\"startupId\":\"%STARTUP%\",\"contactId\":\"" + UNKNOWN + "\"}",
                404, "contact_not_found"));
        c.add(put("startup step: new contact with a bad address", steps + "startup",
                "{\"startupId\":\"%STARTUP%\",\"newContact\":{\"name\":\"N\",\"email\":\"n@\"}}", 400, "invalid_email"));
        c.add(new Case("startup step: a stranger", "PUT-OTHER", steps + "startup",
                "{\"startupId\":\"%STARTUP%\",\"contactId\":\"%CONTACT%\"}", "application/json", 404, "interview_not_found"));
        c.add(put("team step: no primary", steps + "team", "{\"additionalMemberIds\":[]}", 400, "invalid_primaryMemberId"));
        c.add(put("team step: unknown member", steps + "team", "{\"primaryMemberId\":\"" + UNKNOWN + "\"}", 404, "team_member_not_found"));
        c.add(put("team step: primary twice", steps + "team", "{\"primaryMemberId\":\"%MEMBER%\",\"additionalMemberIds\":[\"%MEMBER%\"]}",
                400, "invalid_additionalMemberIds"));
        c.add(put("team step: ids as numbers", steps + "team", "{\"primaryMemberId\":7}", 400, "invalid_field"));
        c.add(put("booking step: no start", steps + "booking-type", "{\"eventTypeId\":1001}", 400, "invalid_datetime"));
        c.add(put("booking step: past start", steps + "booking-type", "{\"eventTypeId\":1001,\"start\":\"2020-01-01T10:00:00Z\"}", 400,
                "invalid_start"));
        c.add(put("booking step: type as text", steps + "booking-type", "{\"eventTypeId\":\"1001\",\"start\":\"" + FUTURE + "\"}", 400,
                "invalid_field"));
        c.add(put("booking step: negative type", steps + "booking-type", "{\"eventTypeId\":-1,\"start\":\"" + FUTURE + "\"}", 400,
                "invalid_eventTypeId"));
        c.add(put("booking step: unknown type", steps + "booking-type", "{\"eventTypeId\":4242,\"start\":\"" + FUTURE + "\"}", 404,
                "event_type_not_found"));
        c.add(put("booking step: duration not offered", steps + "booking-type",
                "{\"eventTypeId\":1001,\"customDurationMinutes\":45,\"start\":\"" + FUTURE + "\"}", 400, "invalid_customDurationMinutes"));
        c.add(put("guests step: missing list", steps + "guests", "{}", 400, "invalid_guests"));
        c.add(put("guests step: bad address", steps + "guests", "{\"guests\":[{\"name\":\"G\",\"email\":\"g@\"}]}", 400,
                "invalid_guests.email"));
        c.add(put("guests step: the same address twice", steps + "guests",
                "{\"guests\":[{\"name\":\"G\",\"email\":\"g@x.test\"},{\"name\":\"H\",\"email\":\"G@X.TEST\"}]}", 400, "duplicate_guest"));
        c.add(put("guests step: 31 guests", steps + "guests", "{\"guests\":[" + String.join(",", java.util.Collections.nCopies(31,
                "{\"name\":\"G\",\"email\":\"g@x.test\"}")) + "]}", 400, "invalid_guests"));
        c.add(put("details step: no zone", steps + "details", "{\"prepNotes\":\"x\"}", 400, "invalid_timeZone"));
        c.add(put("details step: unknown zone", steps + "details", "{\"timeZone\":\"Mars/Olympus\"}", 400, "invalid_timeZone"));
        c.add(put("details step: notes too long", steps + "details", "{\"prepNotes\":\"" + "n".repeat(20_001) + "\",\"timeZone\":\"UTC\"}",
                400, "invalid_prepNotes"));
        c.add(put("details step: notes with a NUL", steps + "details", "{\"prepNotes\":\"Read\\u0000 the deck\",\"timeZone\":\"UTC\"}",
                400, "invalid_prepNotes"));
        c.add(put("details step: notes with a bell", steps + "details", "{\"prepNotes\":\"Read\\u0007 the deck\",\"timeZone\":\"UTC\"}",
                400, "invalid_prepNotes"));
        c.add(put("details step: blank question", steps + "details", "{\"customQuestions\":[\" \"],\"timeZone\":\"UTC\"}", 400,
                "invalid_customQuestions"));
        c.add(put("details step: an offset for a zone", steps + "details", "{\"timeZone\":\"+02:00\"}", 400, "invalid_timeZone"));
        c.add(put("details step: a zone named by its offset from GMT", steps + "details", "{\"timeZone\":\"GMT+2\"}", 400, "invalid_timeZone"));
        c.add(put("details step: zone with CRLF", steps + "details", "{\"timeZone\":\"Mars/Base\\r\\nX-Forged: 1\"}", 400,
                "invalid_timeZone"));
        c.add(put("details step: question with CRLF", steps + "details", "{\"customQuestions\":[\"a\\r\\nb\"],\"timeZone\":\"UTC\"}", 400,
                "invalid_customQuestions"));
        c.add(post("send: an incomplete draft", interviews + "/%INTERVIEW%/send", null, 422, "interview_incomplete"));
        c.add(new Case("send: a stranger", "POST-OTHER", interviews + "/%INTERVIEW%/send", null, null, 404, "interview_not_found"));
        c.add(get("team availability: no range", interviews + "/%INTERVIEW%/options/team", 400, "invalid_datetime"));
        c.add(get("team availability: from not a time", interviews + "/%INTERVIEW%/options/team?from=tomorrow&to=" + LATER, 400,
                "invalid_datetime"));
        c.add(get("team availability: range backwards", interviews + "/%INTERVIEW%/options/team?from=" + LATER + "&to=" + FUTURE, 400,
                "invalid_to"));
        c.add(get("team availability: over 62 days", interviews + "/%INTERVIEW%/options/team?from=" + FUTURE + "&to="
                + Instant.parse(FUTURE).plus(63, ChronoUnit.DAYS), 400, "invalid_to"));
        c.add(new Case("team availability: a stranger", "GET-OTHER", interviews + "/%INTERVIEW%/options/team?from=" + FUTURE + "&to=" + LATER,
                null, null, 404, "interview_not_found"));
        c.add(get("slots: no range", interviews + "/%INTERVIEW%/options/slots?eventTypeId=1001", 400, "invalid_datetime"));
        c.add(get("slots: range backwards", interviews + "/%INTERVIEW%/options/slots?eventTypeId=1001&from=" + LATER + "&to=" + FUTURE, 400,
                "invalid_to"));
        c.add(get("slots: no event type", interviews + "/%INTERVIEW%/options/slots?from=" + FUTURE + "&to=" + LATER, 400, "invalid_eventTypeId"));
        c.add(get("slots: length not a number", interviews + "/%INTERVIEW%/options/slots?eventTypeId=1001&lengthInMinutes=half&from=" + FUTURE
                + "&to=" + LATER, 400, "invalid_lengthInMinutes"));
        c.add(get("slots: length over 8 hours", interviews + "/%INTERVIEW%/options/slots?eventTypeId=1001&lengthInMinutes=481&from=" + FUTURE
                + "&to=" + LATER, 400, "invalid_lengthInMinutes"));
        c.add(get("slots: a length the type does not offer", interviews + "/%INTERVIEW%/options/slots?eventTypeId=1001&lengthInMinutes=45&from="
                + FUTURE + "&to=" + LATER, 400, "invalid_lengthInMinutes"));
        c.add(get("slots: fitsCalendars not a flag", interviews + "/%INTERVIEW%/options/slots?eventTypeId=1001&from=" + FUTURE + "&to=" + LATER
                + "&fitsCalendars=yes", 400, "invalid_fitsCalendars"));
        c.add(new Case("steps: text body", "PUT", steps + "details", "hello", "text/plain", 415, "unsupported_media_type"));
        cancelAndRescheduleCases(c, interviews + "/%INTERVIEW%/");
        changeGuestsCases(c, interviews + "/%INTERVIEW%/guests");
    }

    /**
     * Changing a sent interview's guests, aimed at a draft: what passes the request's checks is 409 interview_not_sent (even a
     * list that names an address twice, which the interview itself refuses once it is sent).
     */
    private static void changeGuestsCases(List<Case> c, String guests) {
        c.add(put("guests change: a draft", guests, "{\"guests\":[]}", 409, "interview_not_sent"));
        c.add(put("guests change: a draft, the same address twice", guests,
                "{\"guests\":[{\"name\":\"G\",\"email\":\"g@x.test\"},{\"name\":\"H\",\"email\":\"G@X.TEST\"}]}", 409, "interview_not_sent"));
        c.add(put("guests change: missing list", guests, "{}", 400, "invalid_guests"));
        c.add(put("guests change: an empty JSON body", guests, "", 400, "invalid_body"));
        c.add(put("guests change: not JSON", guests, "{oops", 400, "malformed_json"));
        c.add(put("guests change: a list for the body", guests, "[]", 400, "invalid_body"));
        c.add(put("guests change: an empty entry", guests, "{\"guests\":[null]}", 400, "invalid_guests"));
        c.add(put("guests change: bad address", guests, "{\"guests\":[{\"name\":\"G\",\"email\":\"g@\"}]}", 400, "invalid_guests.email"));
        c.add(put("guests change: name with CRLF", guests, "{\"guests\":[{\"name\":\"G\\r\\nBcc: x@evil.test\",\"email\":\"g@x.test\"}]}",
                400, "invalid_guests.name"));
        c.add(put("guests change: contactId not a UUID", guests, "{\"guests\":[{\"contactId\":\"nope\"}]}", 400, "invalid_contactId"));
        c.add(put("guests change: unknown contact", guests, "{\"guests\":[{\"contactId\":\"" + UNKNOWN + "\"}]}", 404, "contact_not_found"));
        c.add(put("guests change: unknown field", guests, "{\"guests\":[],\"notify\":false}", 400, "unknown_field"));
        c.add(put("guests change: 31 guests", guests, "{\"guests\":[" + String.join(",", java.util.Collections.nCopies(31,
                "{\"name\":\"G\",\"email\":\"g@x.test\"}")) + "]}", 400, "invalid_guests"));
        c.add(put("guests change: id not a UUID", "/api/interviews/nope/guests", "{\"guests\":[]}", 400, "invalid_interview_id"));
        c.add(put("guests change: unknown id", "/api/interviews/" + UNKNOWN + "/guests", "{\"guests\":[]}", 404, "interview_not_found"));
        c.add(new Case("guests change: a stranger", "PUT-OTHER", guests, "{\"guests\":[]}", "application/json", 404, "interview_not_found"));
        c.add(new Case("guests change: text body", "PUT", guests, "hello", "text/plain", 415, "unsupported_media_type"));
    }

    /** Cancelling and rescheduling (the aimed-at draft was never sent: what passes the checks is 409 interview_not_sent). */
    private static void cancelAndRescheduleCases(List<Case> c, String interview) {
        String cancel = interview + "cancel";
        String reschedule = interview + "reschedule";
        c.add(post("cancel: a draft", cancel, "{}", 409, "interview_not_sent"));
        c.add(post("cancel: a draft, an empty JSON body", cancel, "", 409, "interview_not_sent"));
        c.add(post("cancel: no body (any content type)", cancel, null, 409, "interview_not_sent"));
        c.add(post("cancel: not JSON", cancel, "{oops", 400, "malformed_json"));
        c.add(post("cancel: a list", cancel, "[]", 400, "invalid_body"));
        c.add(post("cancel: unknown field", cancel, "{\"status\":\"cancelled\"}", 400, "unknown_field"));
        c.add(post("cancel: reason too long", cancel, "{\"reason\":\"" + "r".repeat(501) + "\"}", 400, "invalid_reason"));
        c.add(post("cancel: reason with CRLF", cancel, "{\"reason\":\"No\\r\\nX-Forged: 1\"}", 400, "invalid_reason"));
        c.add(post("cancel: reason with a NUL", cancel, "{\"reason\":\"No\\u0000\"}", 400, "invalid_reason"));
        c.add(post("cancel: reason with a direction override", cancel, "{\"reason\":\"No\\u202E\"}", 400, "invalid_reason"));
        c.add(post("cancel: id not a UUID", "/api/interviews/nope/cancel", "{}", 400, "invalid_interview_id"));
        c.add(post("cancel: unknown id", "/api/interviews/" + UNKNOWN + "/cancel", "{}", 404, "interview_not_found"));
        c.add(new Case("cancel: a stranger", "POST-OTHER", cancel, "{}", "application/json", 404, "interview_not_found"));
        c.add(new Case("cancel: text body", "POST", cancel, "hello", "text/plain", 415, "unsupported_media_type"));
        c.add(post("reschedule: a draft", reschedule, "{\"start\":\"" + FUTURE + "\"}", 409, "interview_not_sent"));
        c.add(post("reschedule: an empty JSON body", reschedule, "", 400, "invalid_body"));
        c.add(post("reschedule: no start", reschedule, "{}", 400, "invalid_datetime"));
        c.add(post("reschedule: start not a date", reschedule, "{\"start\":\"tomorrow\"}", 400, "invalid_datetime"));
        c.add(post("reschedule: start without an offset", reschedule, "{\"start\":\"2031-01-01T10:00:00\"}", 400, "invalid_datetime"));
        c.add(post("reschedule: start a number", reschedule, "{\"start\":1893456000}", 400, "invalid_field"));
        c.add(post("reschedule: start year 99999", reschedule, "{\"start\":\"+99999-01-01T10:00:00Z\"}", 400, "datetime_out_of_range"));
        c.add(post("reschedule: reason with CRLF", reschedule, "{\"start\":\"" + FUTURE + "\",\"reason\":\"a\\r\\nb\"}", 400,
                "invalid_reason"));
        c.add(post("reschedule: unknown field", reschedule, "{\"start\":\"" + FUTURE + "\",\"end\":\"" + LATER + "\"}", 400,
                "unknown_field"));
        c.add(new Case("reschedule: a stranger", "POST-OTHER", reschedule, "{\"start\":\"" + FUTURE + "\"}", "application/json", 404,
                "interview_not_found"));
        c.add(post("reschedule: allowConflicts not a flag", reschedule + "?allowConflicts=sometimes", "{\"start\":\"" + FUTURE + "\"}", 400,
                "invalid_allowConflicts"));
        String mails = "/invitation-mails";
        c.add(get("invitation mails: id not a UUID", "/api/interviews/nope" + mails, 400, "invalid_interview_id"));
        c.add(get("invitation mails: unknown id", "/api/interviews/" + UNKNOWN + mails, 404, "interview_not_found"));
        c.add(new Case("invitation mails: a stranger", "GET-OTHER", "/api/interviews/%INTERVIEW%" + mails, null, null, 404,
                "interview_not_found"));
    }

    /** Team members, startups and contacts (interviews, issue #15). */
    private static void teamCases(List<Case> c) {
        String team = "/api/team-members";
        String valid = "\"email\":\"fresh-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com\",\"role\":\"Partner\"";
        c.add(admin("POST", "team: not JSON", team, "{oops", 400, "malformed_json"));
        c.add(admin("POST", "team: a list", team, "[]", 400, "invalid_body"));
        c.add(admin("POST", "team: null", team, "null", 400, "invalid_body"));
        c.add(admin("POST", "team: empty object", team, "{}", 400, "invalid_name"));
        c.add(admin("POST", "team: blank name", team, "{\"name\":\"  \"," + valid + "}", 400, "invalid_name"));
        c.add(admin("POST", "team: name with NUL", team, "{\"name\":\"a\\u0000b\"," + valid + "}", 400, "invalid_name"));
        c.add(admin("POST", "team: name too long", team, "{\"name\":\"" + "n".repeat(201) + "\"," + valid + "}", 400, "invalid_name"));
        c.add(admin("POST", "team: name as number", team, "{\"name\":5," + valid + "}", 400, "invalid_field"));
        c.add(admin("POST", "team: no email", team, "{\"name\":\"N\",\"role\":\"Partner\"}", 400, "invalid_email"));
        c.add(admin("POST", "team: not an address", team, "{\"name\":\"N\",\"email\":\"nobody\",\"role\":\"Partner\"}", 400,
                "invalid_email"));
        c.add(admin("POST", "team: address with CRLF", team,
                "{\"name\":\"N\",\"email\":\"a@b.example\\r\\nBcc: x@evil.example\",\"role\":\"Partner\"}", 400, "invalid_email"));
        c.add(admin("POST", "team: 5 kB address", team, "{\"name\":\"N\",\"email\":\"" + LONG + "@x.example\",\"role\":\"P\"}", 400,
                "invalid_email"));
        c.add(admin("POST", "team: no role", team, "{\"name\":\"N\",\"email\":\"r-" + UNKNOWN + "@example.com\"}", 400, "invalid_role"));
        c.add(admin("POST", "team: calcomUserId as string", team, "{\"name\":\"N\"," + valid + ",\"calcomUserId\":\"7\"}", 400,
                "invalid_field"));
        c.add(admin("POST", "team: calcomUserId fraction", team, "{\"name\":\"N\"," + valid + ",\"calcomUserId\":7.5}", 400,
                "invalid_field"));
        c.add(admin("POST", "team: calcomUserId beyond a long", team, "{\"name\":\"N\"," + valid + ",\"calcomUserId\":99999999999999999999}",
                400, "invalid_field"));
        c.add(admin("POST", "team: calcomUserId zero", team, "{\"name\":\"N\"," + valid + ",\"calcomUserId\":0}", 400,
                "invalid_calcom_user_id"));
        c.add(admin("POST", "team: unknown field", team, "{\"name\":\"N\"," + valid + ",\"active\":false}", 400, "unknown_field"));
        c.add(admin("POST", "team: taken email in another case", team,
                "{\"name\":\"N\",\"email\":\"%MEMBER_EMAIL_UPPER%\",\"role\":\"Partner\"}", 409, "team_member_email_taken"));
        c.add(post("team: not an admin", team, "{\"name\":\"N\"," + valid + "}", 403, "admin_only"));
        c.add(new Case("team: text body", "POST-ADMIN", team, "hello", "text/plain", 415, "unsupported_media_type"));
        c.add(get("team: includeInactive not a boolean", team + "?includeInactive=maybe", 400, "invalid_include_inactive"));
        c.add(get("team: includeInactive not an admin", team + "?includeInactive=true", 403, "admin_only"));
        c.add(admin("PATCH", "team edit: not a UUID", team + "/nope", "{\"role\":\"P\"}", 400, "invalid_team_member_id"));
        c.add(admin("PATCH", "team edit: unknown member", team + "/" + UNKNOWN, "{\"role\":\"P\"}", 404, "team_member_not_found"));
        c.add(admin("PATCH", "team edit: nothing to change", team + "/%MEMBER%", "{}", 400, "nothing_to_update"));
        c.add(admin("PATCH", "team edit: name null", team + "/%MEMBER%", "{\"name\":null}", 400, "invalid_name"));
        c.add(admin("PATCH", "team edit: active null", team + "/%MEMBER%", "{\"active\":null}", 400, "invalid_active"));
        c.add(admin("PATCH", "team edit: active as string", team + "/%MEMBER%", "{\"active\":\"false\"}", 400, "invalid_field"));
        c.add(admin("PATCH", "team edit: active as number", team + "/%MEMBER%", "{\"active\":0}", 400, "invalid_field"));
        c.add(admin("PATCH", "team edit: bad email", team + "/%MEMBER%", "{\"email\":\"x@\"}", 400, "invalid_email"));
        c.add(admin("PATCH", "team edit: unknown field", team + "/%MEMBER%", "{\"id\":\"" + UNKNOWN + "\"}", 400, "unknown_field"));
        c.add(new Case("team edit: not an admin", "PATCH", team + "/%MEMBER%", "{\"active\":false}", "application/json", 403, "admin_only"));
        // startups
        String startups = "/api/startups";
        c.add(post("startups: not JSON", startups, "{oops", 400, "malformed_json"));
        c.add(post("startups: a list", startups, "[{}]", 400, "invalid_body"));
        c.add(post("startups: empty object", startups, "{}", 400, "invalid_name"));
        c.add(post("startups: name as number", startups, "{\"name\":5}", 400, "invalid_field"));
        c.add(post("startups: name with CRLF", startups, "{\"name\":\"a\\r\\nb\"}", 400, "invalid_name"));
        c.add(post("startups: name too long", startups, "{\"name\":\"" + LONG + "\"}", 400, "invalid_name"));
        c.add(post("startups: script website", startups, "{\"name\":\"S " + UNKNOWN + "\",\"website\":\"javascript:alert(1)\"}", 400,
                "invalid_website"));
        c.add(post("startups: website with a space", startups, "{\"name\":\"S " + UNKNOWN + "\",\"website\":\"https://a b.example\"}", 400,
                "invalid_website"));
        c.add(post("startups: unknown field", startups, "{\"name\":\"S " + UNKNOWN + "\",\"id\":\"x\"}", 400, "unknown_field"));
        c.add(post("startups: taken name in another case", startups, "{\"name\":\" %STARTUP_NAME_UPPER% \"}", 409, "startup_name_taken"));
        c.add(get("startups: q too long", startups + "?q=" + "q".repeat(201), 400, "invalid_q"));
        c.add(get("startups: q with a NUL", startups + "?q=ab\u0000", 400, "invalid_q"));
        c.add(get("startups: limit 0", startups + "?limit=0", 400, "invalid_limit"));
        c.add(get("startups: limit huge", startups + "?limit=99999999999", 400, "invalid_limit"));
        c.add(get("startups: offset negative", startups + "?offset=-1", 400, "invalid_offset"));
        c.add(get("startups: get not a UUID", startups + "/nope", 400, "invalid_startup_id"));
        c.add(get("startups: get unknown", startups + "/" + UNKNOWN, 404, "startup_not_found"));
        c.add(get("startups: contacts of an unknown one", startups + "/" + UNKNOWN + "/contacts", 404, "startup_not_found"));
        // contacts
        String contacts = startups + "/%STARTUP%/contacts";
        c.add(post("contacts: empty object", contacts, "{}", 400, "invalid_name"));
        c.add(post("contacts: not an address", contacts, "{\"name\":\"C\",\"email\":\"c@\",\"role\":\"CEO\"}", 400, "invalid_email"));
        c.add(post("contacts: role too long", contacts, "{\"name\":\"C\",\"email\":\"c-" + UNKNOWN + "@example.com\",\"role\":\""
                + "r".repeat(101) + "\"}", 400, "invalid_role"));
        c.add(post("contacts: role as list", contacts, "{\"name\":\"C\",\"email\":\"c-" + UNKNOWN + "@example.com\",\"role\":[]}", 400,
                "invalid_field"));
        c.add(post("contacts: unknown field", contacts, "{\"name\":\"C\",\"email\":\"c-" + UNKNOWN + "@example.com\",\"phone\":\"1\"}",
                400, "unknown_field"));
        c.add(post("contacts: taken email in another case", contacts,
                "{\"name\":\"C\",\"email\":\"%CONTACT_EMAIL_UPPER%\",\"role\":\"CEO\"}", 409, "contact_email_taken"));
        c.add(post("contacts: unknown startup", startups + "/" + UNKNOWN + "/contacts",
                "{\"name\":\"C\",\"email\":\"c@example.com\",\"role\":\"CEO\"}", 404, "startup_not_found"));
        c.add(post("contacts: startup not a UUID", startups + "/nope/contacts", "{\"name\":\"C\",\"email\":\"c@example.com\"}", 400,
                "invalid_startup_id"));
        // corrections of a startup and a contact
        String startup = startups + "/%STARTUP%";
        c.add(patch("startup edit: not JSON", startup, "{oops", 400, "malformed_json"));
        c.add(patch("startup edit: a list", startup, "[{}]", 400, "invalid_body"));
        c.add(patch("startup edit: nothing to change", startup, "{}", 400, "nothing_to_update"));
        c.add(patch("startup edit: name null", startup, "{\"name\":null}", 400, "invalid_name"));
        c.add(patch("startup edit: name blank", startup, "{\"name\":\"  \"}", 400, "invalid_name"));
        c.add(patch("startup edit: name as number", startup, "{\"name\":5}", 400, "invalid_field"));
        c.add(patch("startup edit: name with CRLF", startup, "{\"name\":\"a\\r\\nb\"}", 400, "invalid_name"));
        c.add(patch("startup edit: name too long", startup, "{\"name\":\"" + LONG + "\"}", 400, "invalid_name"));
        c.add(patch("startup edit: script website", startup, "{\"website\":\"javascript:alert(1)\"}", 400, "invalid_website"));
        c.add(patch("startup edit: unknown field", startup, "{\"id\":\"" + UNKNOWN + "\"}", 400, "unknown_field"));
        c.add(patch("startup edit: not a UUID", startups + "/nope", "{\"name\":\"S\"}", 400, "invalid_startup_id"));
        c.add(patch("startup edit: unknown startup", startups + "/" + UNKNOWN, "{\"name\":\"S\"}", 404, "startup_not_found"));
        String contact = contacts + "/%CONTACT%";
        c.add(patch("contact edit: nothing to change", contact, "{}", 400, "nothing_to_update"));
        c.add(patch("contact edit: email null", contact, "{\"email\":null}", 400, "invalid_email"));
        c.add(patch("contact edit: not an address", contact, "{\"email\":\"c@\"}", 400, "invalid_email"));
        c.add(patch("contact edit: address with CRLF", contact, "{\"email\":\"c@example.com\\r\\nBcc: x@example.com\"}", 400,
                "invalid_email"));
        c.add(patch("contact edit: role too long", contact, "{\"role\":\"" + "r".repeat(101) + "\"}", 400, "invalid_role"));
        c.add(patch("contact edit: role as list", contact, "{\"role\":[]}", 400, "invalid_field"));
        c.add(patch("contact edit: unknown field", contact, "{\"startupId\":\"" + UNKNOWN + "\"}", 400, "unknown_field"));
        c.add(patch("contact edit: not a UUID", contacts + "/nope", "{\"name\":\"C\"}", 400, "invalid_contact_id"));
        c.add(patch("contact edit: unknown contact", contacts + "/" + UNKNOWN, "{\"name\":\"C\"}", 404, "contact_not_found"));
        c.add(patch("contact edit: through another startup", startups + "/" + UNKNOWN + "/contacts/%CONTACT%", "{\"name\":\"C\"}", 404,
                "contact_not_found"));
        // removals (of rows nobody names; what an interview names is refused in the authorization matrix and the API test)
        c.add(delete("startup removal: not a UUID", startups + "/nope", 400, "invalid_startup_id"));
        c.add(delete("startup removal: unknown startup", startups + "/" + UNKNOWN, 404, "startup_not_found"));
        c.add(delete("contact removal: startup not a UUID", startups + "/nope/contacts/%CONTACT%", 400, "invalid_startup_id"));
        c.add(delete("contact removal: not a UUID", contacts + "/nope", 400, "invalid_contact_id"));
        c.add(delete("contact removal: unknown contact", contacts + "/" + UNKNOWN, 404, "contact_not_found"));
        c.add(delete("contact removal: through another startup", startups + "/" + UNKNOWN + "/contacts/%CONTACT%", 404, "contact_not_found"));
    }

    static List<Case> cases() {
        String create = "/api/practice-room/create";
        String update = "/api/practice-room/update";
        List<Case> c = new ArrayList<>();
        // create: shape and types
        c.add(post("create: not JSON", create, "{not json", 400, "malformed_json"));
        c.add(post("create: truncated JSON", create, "{\"datetimeUtc\":", 400, "malformed_json"));
        c.add(post("create: a list", create, "[]", 400, "invalid_body"));
        c.add(post("create: a string", create, "\"hello\"", 400, "invalid_body"));
        c.add(post("create: a number", create, "42", 400, "invalid_body"));
        c.add(post("create: null", create, "null", 400, "invalid_body"));
        c.add(post("create: empty object", create, "{}", 400, "invalid_datetime"));
        c.add(post("create: date as number", create, "{\"datetimeUtc\":12}", 400, "invalid_field"));
        c.add(post("create: date as object", create, "{\"datetimeUtc\":{}}", 400, "invalid_field"));
        c.add(post("create: date as list", create, "{\"datetimeUtc\":[\"" + FUTURE + "\"]}", 400, "invalid_field"));
        c.add(post("create: private as number", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"private\":1}", 400, "invalid_field"));
        c.add(post("create: private as string", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"private\":\"true\"}", 400, "invalid_field"));
        c.add(post("create: unknown field", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"role\":\"admin\"}", 400, "unknown_field"));
        c.add(post("create: hostId of someone else", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"hostId\":\"someone\"}", 403,
                "host_must_be_caller"));
        c.add(post("create: hostId too long", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"hostId\":\"" + LONG + "\"}", 400,
                "invalid_hostId"));
        // create: times
        c.add(post("create: no offset", create, "{\"datetimeUtc\":\"2031-01-01T10:00:00\"}", 400, "invalid_datetime"));
        c.add(post("create: words", create, "{\"datetimeUtc\":\"tomorrow at ten\"}", 400, "invalid_datetime"));
        c.add(post("create: date only", create, "{\"datetimeUtc\":\"2031-01-01\"}", 400, "invalid_datetime"));
        c.add(post("create: empty string", create, "{\"datetimeUtc\":\"\"}", 400, "invalid_datetime"));
        c.add(post("create: blank", create, "{\"datetimeUtc\":\"   \"}", 400, "invalid_datetime"));
        c.add(post("create: month 13", create, "{\"datetimeUtc\":\"2031-13-01T10:00:00Z\"}", 400, "invalid_datetime"));
        c.add(post("create: 31 February", create, "{\"datetimeUtc\":\"2031-02-31T10:00:00Z\"}", 400, "invalid_datetime"));
        c.add(post("create: trailing NUL", create, "{\"datetimeUtc\":\"" + FUTURE + "\\u0000\"}", 400, "invalid_datetime"));
        c.add(post("create: embedded newline", create, "{\"datetimeUtc\":\"2031-01-01\\nT10:00:00Z\"}", 400, "invalid_datetime"));
        c.add(post("create: past", create, "{\"datetimeUtc\":\"2001-01-01T00:00:00Z\"}", 400, "datetime_in_past"));
        c.add(post("create: before 1970", create, "{\"datetimeUtc\":\"1900-01-01T00:00:00Z\"}", 400, "datetime_out_of_range"));
        c.add(post("create: year +10000", create, "{\"datetimeUtc\":\"+10000-01-01T00:00:00Z\"}", 400, "datetime_out_of_range"));
        c.add(post("create: year 294277", create, "{\"datetimeUtc\":\"+294277-01-01T00:00:00Z\"}", 400, "datetime_out_of_range"));
        c.add(post("create: year +999999999", create, "{\"datetimeUtc\":\"+999999999-12-31T23:59:59Z\"}", 400, "datetime_out_of_range"));
        c.add(post("create: six years ahead", create, "{\"datetimeUtc\":\"" + Instant.now().plus(2200, ChronoUnit.DAYS) + "\"}", 400,
                "datetime_out_of_range"));
        c.add(post("create: 5 kB date", create, "{\"datetimeUtc\":\"" + LONG + "\"}", 400, "invalid_datetimeUtc"));
        // update: shape and types
        c.add(post("update: not JSON", update, "{oops", 400, "malformed_json"));
        c.add(post("update: a list", update, "[1,2]", 400, "invalid_body"));
        c.add(post("update: null", update, "null", 400, "invalid_body"));
        c.add(post("update: empty object", update, "{}", 400, "invalid_room_id"));
        c.add(post("update: roomId as number", update, "{\"roomId\":5,\"stage\":\"x\"}", 400, "invalid_field"));
        c.add(post("update: roomId not a UUID", update, "{\"roomId\":\"42\",\"stage\":\"x\"}", 400, "invalid_room_id"));
        c.add(post("update: roomId with SQL", update, "{\"roomId\":\"' OR 1=1 --\",\"stage\":\"x\"}", 400, "invalid_room_id"));
        c.add(post("update: roomId UUID without dashes", update, "{\"roomId\":\"" + UNKNOWN.replace("-", "") + "\",\"stage\":\"x\"}", 400,
                "invalid_room_id"));
        c.add(post("update: roomId too long", update, "{\"roomId\":\"" + LONG + "\",\"stage\":\"x\"}", 400, "invalid_roomId"));
        c.add(post("update: unknown room", update, "{\"roomId\":\"" + UNKNOWN + "\",\"stage\":\"x\"}", 404, "room_not_found"));
        c.add(post("update: nothing to change", update, "{\"roomId\":\"%ROOM%\"}", 400, "nothing_to_update"));
        c.add(post("update: unknown field", update, "{\"roomId\":\"%ROOM%\",\"hostId\":\"me\"}", 400, "unknown_field"));
        c.add(post("update: private as number", update, "{\"roomId\":\"%ROOM%\",\"private\":0}", 400, "invalid_field"));
        c.add(post("update: stage as object", update, "{\"roomId\":\"%ROOM%\",\"stage\":{}}", 400, "invalid_field"));
        c.add(post("update: stage too long", update, "{\"roomId\":\"%ROOM%\",\"stage\":\"" + "s".repeat(201) + "\"}", 400, "invalid_stage"));
        c.add(post("update: stage with NUL", update, "{\"roomId\":\"%ROOM%\",\"stage\":\"a\\u0000b\"}", 400, "invalid_stage"));
        c.add(post("update: stage with CRLF", update, "{\"roomId\":\"%ROOM%\",\"stage\":\"a\\r\\nb\"}", 400, "invalid_stage"));
        c.add(post("update: stage with a direction override", update, "{\"roomId\":\"%ROOM%\",\"stage\":\"\\u202Egnp.exe\"}", 400,
                "invalid_stage"));
        c.add(post("update: bad date", update, "{\"roomId\":\"%ROOM%\",\"datetimeUtc\":\"soon\"}", 400, "invalid_datetime"));
        c.add(post("update: past date", update, "{\"roomId\":\"%ROOM%\",\"datetimeUtc\":\"2001-01-01T00:00:00Z\"}", 400, "datetime_in_past"));
        c.add(post("update: far date", update, "{\"roomId\":\"%ROOM%\",\"datetimeUtc\":\"+999999999-12-31T23:59:59Z\"}", 400,
                "datetime_out_of_range"));
        c.add(post("update: booking with a time", update, "{\"roomId\":\"%ROOM%\",\"guestId\":null,\"datetimeUtc\":\"" + FUTURE + "\"}", 400,
                "booking_changes_only_stage"));
        c.add(post("update: guestId as number", update, "{\"roomId\":\"%ROOM%\",\"guestId\":7}", 400, "invalid_field"));
        c.add(post("update: guestId too long", update, "{\"roomId\":\"%ROOM%\",\"guestId\":\"" + LONG + "\"}", 400, "invalid_guestId"));
        // update: who may
        c.add(post("update: host books own room", update, "{\"roomId\":\"%ROOM%\",\"guestId\":null}", 422, "host_cannot_book_own_room"));
        c.add(post("update: book for someone else", update, "{\"roomId\":\"%ROOM%\",\"guestId\":\"someone-else\"}", 403,
                "cannot_book_for_someone_else"));
        c.add(new Case("update: stranger reschedules", "POST-OTHER", update, "{\"roomId\":\"%ROOM%\",\"datetimeUtc\":\"" + LATER + "\"}",
                "application/json", 403, "not_room_host"));
        c.add(new Case("update: stranger makes private", "POST-OTHER", update, "{\"roomId\":\"%ROOM%\",\"private\":true}",
                "application/json", 403, "not_room_host"));
        c.add(new Case("update: stranger sets stage", "POST-OTHER", update, "{\"roomId\":\"%ROOM%\",\"stage\":\"hijack\"}",
                "application/json", 403, "not_room_participant"));
        // delete
        c.add(delete("delete: not a UUID", "/api/practice-room/not-a-uuid", 400, "invalid_room_id"));
        c.add(delete("delete: unknown room", "/api/practice-room/" + UNKNOWN, 404, "room_not_found"));
        c.add(new Case("delete: stranger", "DELETE-OTHER", "/api/practice-room/%ROOM%", null, null, 403, "not_room_host"));
        // leave a booking
        c.add(delete("release: not a UUID", "/api/practice-room/not-a-uuid/booking", 400, "invalid_room_id"));
        c.add(delete("release: roomId with SQL", "/api/practice-room/' OR 1=1 --/booking", 400, "invalid_room_id"));
        c.add(delete("release: unknown room", "/api/practice-room/" + UNKNOWN + "/booking", 404, "room_not_found"));
        c.add(delete("release: host of an open room", "/api/practice-room/%ROOM%/booking", 422, "room_not_booked"));
        c.add(new Case("release: stranger on an open room", "DELETE-OTHER", "/api/practice-room/%ROOM%/booking", null, null, 422,
                "room_not_booked"));
        // reads
        c.add(get("get: not a UUID", "/api/practice-rooms/nope", 400, "invalid_room_id"));
        c.add(get("get: unknown room", "/api/practice-rooms/" + UNKNOWN, 404, "room_not_found"));
        c.add(get("list: bad scope", "/api/practice-rooms?scope=everything", 400, "invalid_scope"));
        c.add(get("list: long scope", "/api/practice-rooms?scope=" + "y".repeat(2_000), 400, "invalid_scope"));
        c.add(get("list: limit 0", "/api/practice-rooms?limit=0", 400, "invalid_limit"));
        c.add(get("list: limit negative", "/api/practice-rooms?limit=-5", 400, "invalid_limit"));
        c.add(get("list: limit huge", "/api/practice-rooms?limit=99999999999", 400, "invalid_limit"));
        c.add(get("list: limit words", "/api/practice-rooms?limit=abc", 400, "invalid_limit"));
        c.add(get("list: offset negative", "/api/practice-rooms?scope=mine&offset=-1", 400, "invalid_offset"));
        c.add(get("list: offset huge", "/api/practice-rooms?scope=past&offset=99999999999", 400, "invalid_offset"));
        c.add(get("list: offset words", "/api/practice-rooms?offset=ten", 400, "invalid_offset"));
        // slots
        String slots = "/api/slots";
        c.add(post("slots: not JSON", slots, "{oops", 400, "malformed_json"));
        c.add(post("slots: empty list", slots, "[]", 400, "no_slots"));
        c.add(post("slots: a number", slots, "5", 400, "invalid_field"));
        c.add(post("slots: list of numbers", slots, "[1]", 400, "invalid_field"));
        c.add(post("slots: start as number", slots, "[{\"startTs\":5}]", 400, "invalid_field"));
        c.add(post("slots: missing end", slots, "{\"startTs\":\"" + FUTURE + "\"}", 400, "invalid_datetime"));
        c.add(post("slots: unknown field", slots, "{\"startTs\":\"" + FUTURE + "\",\"endTs\":\"" + LATER + "\",\"hostId\":\"x\"}", 400,
                "unknown_field"));
        c.add(post("slots: end before start", slots, "{\"startTs\":\"" + LATER + "\",\"endTs\":\"" + FUTURE + "\"}", 400, "end_before_start"));
        c.add(post("slots: too short", slots, "{\"startTs\":\"" + FUTURE + "\",\"endTs\":\""
                + Instant.parse(FUTURE).plus(5, ChronoUnit.MINUTES) + "\"}", 400, "invalid_slot_length"));
        c.add(post("slots: in the past", slots, "{\"startTs\":\"2001-01-01T10:00:00Z\",\"endTs\":\"2001-01-01T11:00:00Z\"}", 400,
                "datetime_in_past"));
        c.add(post("slots: far end", slots, "{\"startTs\":\"" + FUTURE + "\",\"endTs\":\"+999999999-12-31T23:59:59Z\"}", 400,
                "datetime_out_of_range"));
        c.add(post("slots: 101 of them", slots, "[" + String.join(",", java.util.Collections.nCopies(101,
                "{\"startTs\":\"" + FUTURE + "\",\"endTs\":\"" + LATER + "\"}")) + "]", 400, "too_many_slots"));
        c.add(post("slots: book not a UUID", "/api/slots/nope/book", null, 400, "invalid_slot_id"));
        c.add(post("slots: book unknown", "/api/slots/" + UNKNOWN + "/book", null, 404, "slot_not_found"));
        c.add(new Case("slots: host books own", "POST", "/api/slots/%SLOT%/book", null, null, 422, "cannot_book_own_slot"));
        c.add(new Case("slots: stranger cancels", "DELETE-OTHER", "/api/slots/%SLOT%", null, null, 403, "not_slot_host"));
        c.add(delete("slots: cancel unknown", "/api/slots/" + UNKNOWN, 404, "slot_not_found"));
        c.add(get("slots: status for others", "/api/slots?status=booked", 400, "invalid_status"));
        c.add(get("slots: unknown status", "/api/slots?mine=true&status=gone", 400, "invalid_status"));
        c.add(get("slots: bad from", "/api/slots?from=yesterday", 400, "invalid_datetime"));
        c.add(get("slots: reversed range", "/api/slots?mine=true&from=" + LATER + "&to=" + FUTURE, 400, "invalid_range"));
        c.add(get("slots: negative offset", "/api/slots?offset=-1", 400, "invalid_offset"));
        c.add(get("slots: mine not a flag", "/api/slots?mine=yes", 400, "invalid_mine"));
        c.add(get("slots: fitsMyCalendar not a flag", "/api/slots?fitsMyCalendar=yes", 400, "invalid_fitsMyCalendar"));
        c.add(get("list: fitsMyCalendar not a flag", "/api/practice-rooms?fitsMyCalendar=1", 400, "invalid_fitsMyCalendar"));
        c.add(post("slots: allowConflicts not a flag", "/api/slots/%SLOT%/book?allowConflicts=maybe", null, 400, "invalid_allowConflicts"));
        c.add(post("slots: publish with allowConflicts not a flag", "/api/slots?allowConflicts=1",
                "{\"startTs\":\"" + FUTURE + "\",\"endTs\":\"" + LATER + "\"}", 400, "invalid_allowConflicts"));
        c.add(post("interviews: send with allowConflicts not a flag", "/api/interviews/%INTERVIEW%/send?allowConflicts=yes", null, 400,
                "invalid_allowConflicts"));
        c.add(post("update: allowConflicts as text", update, "{\"roomId\":\"%ROOM%\",\"guestId\":null,\"allowConflicts\":\"yes\"}", 400,
                "invalid_field"));
        c.add(post("create: offer on a public room", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"offerTo\":\"someone\"}", 400,
                "offer_needs_private_room"));
        c.add(post("create: offer blank", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"private\":true,\"offerTo\":\" \"}", 400,
                "invalid_offer_to"));
        c.add(post("create: offer with NUL", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"private\":true,\"offerTo\":\"a\\u0000b\"}",
                400, "invalid_offer_to"));
        c.add(post("create: offer with a direction override", create, "{\"datetimeUtc\":\"" + FUTURE
                + "\",\"private\":true,\"offerTo\":\"a\\u202Eb\"}", 400, "invalid_offer_to"));
        c.add(post("create: offer too long", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"private\":true,\"offerTo\":\"" + LONG + "\"}",
                400, "invalid_offer_to"));
        c.add(post("create: offer as number", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"private\":true,\"offerTo\":5}", 400,
                "invalid_field"));
        c.add(post("update: offer a public room", update, "{\"roomId\":\"%ROOM%\",\"offerTo\":\"someone\"}", 400,
                "offer_needs_private_room"));
        c.add(post("update: booking with an offer", update, "{\"roomId\":\"%ROOM%\",\"guestId\":null,\"offerTo\":\"x\"}", 400,
                "booking_changes_only_stage"));
        c.add(new Case("create: text body", "POST", create, "hello", "text/plain", 415, "unsupported_media_type"));
        c.add(new Case("update: text body", "POST", update, "hello", "text/plain", 415, "unsupported_media_type"));
        teamCases(c);
        interviewCases(c);
        preferenceCases(c);
        return c;
    }

    /**
     * Every case as the OpenAPI document must describe it (OpenApiErrorAnswersTest): method, a concrete path (ids filled
     * in with a random UUID), status and code.
     */
    public static List<OpenApiErrors.Seen> expectedRefusals() {
        String id = UUID.randomUUID().toString();
        return cases().stream().map(c -> new OpenApiErrors.Seen(c.method().replaceAll("-(OTHER|ADMIN)$", ""),
                c.path().replaceAll("%[A-Z_]+%", id), c.status(), c.code())).distinct().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsCodeAndNothingIsWritten(Case c) {
        TestUser caller = c.method().endsWith("-OTHER") ? Fixture.OTHER : c.method().endsWith("-ADMIN") ? Fixture.ADMIN : Fixture.HOST;
        String path = c.path().replace("%ROOM%", Fixture.ROOM).replace("%SLOT%", Fixture.SLOT).replace("%MEMBER%", Fixture.MEMBER)
                .replace("%STARTUP%", Fixture.STARTUP).replace("%CONTACT%", c.path().contains("%CONTACT%") ? Fixture.CONTACT : "")
                .replace("%INTERVIEW%", c.path().contains("%INTERVIEW%") ? Fixture.INTERVIEW : "");
        String body = c.body() == null ? null : c.body().replace("%ROOM%", Fixture.ROOM).replace("%STARTUP%", Fixture.STARTUP)
                .replace("%CONTACT%", Fixture.CONTACT).replace("%MEMBER%", Fixture.MEMBER)
                .replace("%MEMBER_EMAIL_UPPER%", Fixture.MEMBER_EMAIL.toUpperCase(java.util.Locale.ROOT))
                .replace("%STARTUP_NAME_UPPER%", Fixture.STARTUP_NAME.toUpperCase(java.util.Locale.ROOT))
                .replace("%CONTACT_EMAIL_UPPER%", Fixture.CONTACT_EMAIL.toUpperCase(java.util.Locale.ROOT));
        long[] before = counts();

        RequestSpecification request = given().header("Authorization", caller.bearer());
        if (body != null) {
            request = request.contentType(c.contentType()).body(body);
        }
        Response response = switch (c.method().replaceAll("-(OTHER|ADMIN)$", "")) {
            case "POST" -> request.post(path);
            case "PATCH" -> request.patch(path);
            case "PUT" -> request.put(path);
            case "DELETE" -> request.delete(path);
            default -> request.get(path);
        };

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(c.status());
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("code")).as(response.asString()).isEqualTo(c.code());
        assertThat(response.jsonPath().getString("message")).isNotBlank().hasSizeLessThan(400).doesNotContain("Exception", "\tat ", "\n", "\r");
        assertThat(counts()).as("rooms, slots, outbox, audit rows, team members, startups, contacts, interviews, interview versions, preferences").containsExactly(before);
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static long[] counts() {
        return new long[]{Db.count("SELECT count(*) FROM practice_rooms"), Db.count("SELECT count(*) FROM slots"),
                Db.count("SELECT count(*) FROM outbox"), Db.count("SELECT count(*) FROM audit_log"),
                Db.count("SELECT count(*) FROM team_member"), Db.count("SELECT count(*) FROM startup"),
                Db.count("SELECT count(*) FROM startup_contact"), Db.count("SELECT count(*) FROM interview"),
                Db.count("SELECT coalesce(sum(version), 0) FROM interview"), Db.count("SELECT count(*) FROM user_preferences")};
    }
}
