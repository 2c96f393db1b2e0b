package io.schedulr.scheduling.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.schedulr.scheduling.api.RoomApi;
import io.schedulr.testsupport.OpenApiErrors;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of scheduling-service × every kind of caller: the status each gets, as one table (the same table is in
 * docs/security.md). Valid people act on a fresh room booked by "guest" and hosted by "host", a fresh open room and a
 * fresh open slot of "host"; "third" is anyone else signed in. Rows that name none of these get the people only.
 * "admin" (token role {@code admin}) gets what "third" gets, except on the team routes, which only admins may change.
 */
@QuarkusTest
public class AuthorizationMatrixTest {
    private static final AtomicInteger DAYS = new AtomicInteger(20);

    enum Who { NO_TOKEN, EXPIRED, WRONG_ISSUER, WRONG_AUDIENCE, ALG_NONE, HS256_WITH_PUBLIC_KEY, FOREIGN_KEY, HOST, GUEST, THIRD, ADMIN }

    /** What one cell acts on. */
    /** Rooms of host: booked by guest, open, private and booked by guest, private and offered to guest; host's open slot. */
    record Scene(TestUser host, TestUser guest, TestUser third, TestUser admin, String bookedRoom, String openRoom, String privateBooked,
                 String privateOffered, String slot) {
        /** The four people without rooms or slots (their ids name nothing), for routes that act on none of them. */
        static Scene people() {
            String none = UUID.randomUUID().toString();
            return new Scene(Tokens.newUser("Matrix Host", "UTC"), Tokens.newUser("Matrix Guest", "UTC"), Tokens.newUser("Matrix Third", "UTC"),
                    Tokens.newUserWithRoles("Matrix Admin", "UTC", "admin"), none, none, none, none, none);
        }

        static Scene make() {
            TestUser host = Tokens.newUser("Matrix Host", "UTC");
            TestUser guest = Tokens.newUser("Matrix Guest", "UTC");
            int day = DAYS.addAndGet(1);
            // two hours apart, so that the guest's bookings never clash with each other (a clash is its own test)
            Instant at = RoomApi.inDays(day);
            String booked = RoomApi.createRoomAt(host, at, null);
            RoomApi.book(guest, booked).statusCode(200);
            String open = RoomApi.createRoomAt(host, at.plus(2, ChronoUnit.HOURS), null);
            String privateBooked = RoomApi.createRoomAt(host, at.plus(4, ChronoUnit.HOURS), guest);
            RoomApi.book(guest, privateBooked).statusCode(200);
            String privateOffered = RoomApi.createRoomAt(host, at.plus(6, ChronoUnit.HOURS), guest);
            Instant start = Instant.now().plus(day + 400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            String slot = given().header("Authorization", host.bearer()).contentType("application/json")
                    .body("{\"startTs\":\"" + start + "\",\"endTs\":\"" + start.plus(1, ChronoUnit.HOURS) + "\"}")
                    .post("/api/slots").then().statusCode(201).extract().path("[0].id");
            return new Scene(host, guest, Tokens.newUser("Matrix Third", "UTC"), Tokens.newUserWithRoles("Matrix Admin", "UTC", "admin"),
                    booked, open, privateBooked, privateOffered, slot);
        }
    }

    /** {@code codes}: the error code of each refusal status of this row other than 401 (always {@code unauthorized}). */
    record Route(String name, String method, String path, String body, int host, int guest, int third, int admin,
                 Map<Integer, String> codes) {
        Route(String name, String method, String path, String body, int host, int guest, int third, int admin) {
            this(name, method, path, body, host, guest, third, admin, Map.of());
        }

        /** A route on which an admin has no more rights than anyone else. */
        Route(String name, String method, String path, String body, int host, int guest, int third) {
            this(name, method, path, body, host, guest, third, third);
        }

        /** This row, with {@code code} as the answer's code whenever its status is {@code status}. */
        Route refusing(int status, String code) {
            Map<Integer, String> all = new HashMap<>(codes);
            all.put(status, code);
            return new Route(name, method, path, body, host, guest, third, admin, Map.copyOf(all));
        }

        String codeFor(int status) {
            return status == 401 ? "unauthorized" : codes.get(status);
        }

        int expectedFor(Who who) {
            return switch (who) {
                case HOST -> host;
                case GUEST -> guest;
                case THIRD -> third;
                case ADMIN -> admin;
                default -> 401;
            };
        }

        /** Whether it acts on the scene's rooms or slot (else the people are enough). */
        boolean needsRooms() {
            String text = path + (body == null ? "" : body);
            return text.contains("%BOOKED%") || text.contains("%OPEN%") || text.contains("%PRIVATE_") || text.contains("%SLOT%");
        }
    }

    /** A team member and a startup the team and startup rows act on, made once by an admin on first use. */
    private static final class Team {
        static final TestUser ADMIN = Tokens.newUserWithRoles("Matrix Team Admin", "UTC", "admin");
        static final String MEMBER = given().header("Authorization", ADMIN.bearer()).contentType("application/json")
                .body("{\"name\":\"Matrix Member\",\"email\":\"matrix-member-" + UUID.randomUUID() + "@example.com\",\"role\":\"Partner\"}")
                .post("/api/team-members").then().statusCode(201).extract().path("id");
        static final String STARTUP = given().header("Authorization", ADMIN.bearer()).contentType("application/json")
                .body("{\"name\":\"Matrix Startup " + UUID.randomUUID() + "\"}")
                .post("/api/startups").then().statusCode(201).extract().path("id");
        static final String CONTACT = given().header("Authorization", ADMIN.bearer()).contentType("application/json")
                .body("{\"name\":\"Matrix Corrected\",\"email\":\"corrected-" + UUID.randomUUID() + "@example.com\"}")
                .post("/api/startups/" + STARTUP + "/contacts").then().statusCode(201).extract().path("id");
        /** A startup and contact a draft interview names: their removal is refused to everyone signed in alike. */
        static final String NAMED_STARTUP = given().header("Authorization", ADMIN.bearer()).contentType("application/json")
                .body("{\"name\":\"Matrix Named " + UUID.randomUUID() + "\"}")
                .post("/api/startups").then().statusCode(201).extract().path("id");
        static final String NAMED_CONTACT = namedByADraft(given().header("Authorization", ADMIN.bearer()).contentType("application/json")
                .body("{\"name\":\"Matrix Named\",\"email\":\"named-" + UUID.randomUUID() + "@example.com\"}")
                .post("/api/startups/" + NAMED_STARTUP + "/contacts").then().statusCode(201).extract().path("id"));

        /** A draft of NAMED_STARTUP with this contact; returns the contact's id. */
        private static String namedByADraft(String contact) {
            String draft = given().header("Authorization", ADMIN.bearer()).contentType("application/json").body("{}")
                    .post("/api/interviews").then().statusCode(201).extract().path("id");
            given().header("Authorization", ADMIN.bearer()).contentType("application/json")
                    .body("{\"startupId\":\"" + NAMED_STARTUP + "\",\"contactId\":\"" + contact + "\"}")
                    .put("/api/interviews/" + draft + "/steps/startup").then().statusCode(200);
            return contact;
        }

        /** A draft the scene's host started, with the matrix member as primary interviewer and the guest on its team. */
        static String interviewOf(Scene scene) {
            String guestMember = given().header("Authorization", ADMIN.bearer()).contentType("application/json")
                    .body("{\"name\":\"Matrix Team Guest\",\"email\":\"" + scene.guest().email() + "\",\"role\":\"Associate\"}")
                    .post("/api/team-members").then().statusCode(201).extract().path("id");
            String id = given().header("Authorization", scene.host().bearer()).contentType("application/json").body("{}")
                    .post("/api/interviews").then().statusCode(201).extract().path("id");
            given().header("Authorization", scene.host().bearer()).contentType("application/json")
                    .body("{\"primaryMemberId\":\"" + MEMBER + "\",\"additionalMemberIds\":[\"" + guestMember + "\"]}")
                    .put("/api/interviews/" + id + "/steps/team").then().statusCode(200);
            return id;
        }

        /** An interview the scene's host started and sent (a booking at the gateway stand-in), the guest on its team. */
        static String sentInterviewOf(Scene scene, Instant start) {
            String id = interviewOf(scene);
            String contact = given().header("Authorization", ADMIN.bearer()).contentType("application/json")
                    .body("{\"name\":\"Matrix Contact\",\"email\":\"c-" + UUID.randomUUID() + "@example.com\",\"role\":\"CEO\"}")
                    .post("/api/startups/" + STARTUP + "/contacts").then().statusCode(201).extract().path("id");
            step(scene, id, "startup", "{\"startupId\":\"" + STARTUP + "\",\"contactId\":\"" + contact + "\"}");
            step(scene, id, "booking-type", "{\"eventTypeId\":1001,\"start\":\"" + start + "\"}");
            step(scene, id, "guests", "{\"guests\":[]}");
            step(scene, id, "details", "{\"timeZone\":\"UTC\"}");
            given().header("Authorization", scene.host().bearer()).post("/api/interviews/" + id + "/send").then().statusCode(200);
            return id;
        }

        private static void step(Scene scene, String id, String step, String body) {
            given().header("Authorization", scene.host().bearer()).contentType("application/json").body(body)
                    .put("/api/interviews/" + id + "/steps/" + step).then().statusCode(200);
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route("create a room", "POST", "/api/practice-room/create", "{\"datetimeUtc\":\"%FUTURE%\"}", 201, 201, 201),
            new Route("book the open room", "POST", "/api/practice-room/update", "{\"roomId\":\"%OPEN%\",\"guestId\":null}", 422, 200, 200)
                    .refusing(422, "host_cannot_book_own_room"),
            new Route("reschedule the booked room", "POST", "/api/practice-room/update",
                    "{\"roomId\":\"%BOOKED%\",\"datetimeUtc\":\"%FUTURE%\"}", 200, 403, 403).refusing(403, "not_room_host"),
            new Route("make the booked room private", "POST", "/api/practice-room/update", "{\"roomId\":\"%BOOKED%\",\"private\":true}",
                    200, 403, 403).refusing(403, "not_room_host"),
            new Route("set the booked room's stage", "POST", "/api/practice-room/update", "{\"roomId\":\"%BOOKED%\",\"stage\":\"r2\"}",
                    200, 200, 403).refusing(403, "not_room_participant"),
            new Route("delete the booked room", "DELETE", "/api/practice-room/%BOOKED%", null, 204, 403, 403)
                    .refusing(403, "not_room_host"),
            new Route("leave the booked room", "DELETE", "/api/practice-room/%BOOKED%/booking", null, 403, 200, 403)
                    .refusing(403, "not_room_guest"),
            new Route("list rooms", "GET", "/api/practice-rooms?scope=mine", null, 200, 200, 200),
            new Route("read the booked room", "GET", "/api/practice-rooms/%BOOKED%", null, 200, 200, 200),
            new Route("read the private room", "GET", "/api/practice-rooms/%PRIVATE_BOOKED%", null, 200, 200, 404)
                    .refusing(404, "room_not_found"),
            new Route("book the private room offered to guest", "POST", "/api/practice-room/update",
                    "{\"roomId\":\"%PRIVATE_OFFERED%\",\"guestId\":null}", 422, 200, 404)
                    .refusing(422, "host_cannot_book_own_room").refusing(404, "room_not_found"),
            new Route("reschedule the private room", "POST", "/api/practice-room/update",
                    "{\"roomId\":\"%PRIVATE_BOOKED%\",\"datetimeUtc\":\"%FUTURE%\"}", 200, 403, 404)
                    .refusing(403, "not_room_host").refusing(404, "room_not_found"),
            new Route("offer the private room to someone else", "POST", "/api/practice-room/update",
                    "{\"roomId\":\"%PRIVATE_OFFERED%\",\"offerTo\":\"someone-else\"}", 200, 403, 404)
                    .refusing(403, "not_room_host").refusing(404, "room_not_found"),
            new Route("delete the private room", "DELETE", "/api/practice-room/%PRIVATE_BOOKED%", null, 204, 403, 404)
                    .refusing(403, "not_room_host").refusing(404, "room_not_found"),
            new Route("leave the private room", "DELETE", "/api/practice-room/%PRIVATE_BOOKED%/booking", null, 403, 200, 404)
                    .refusing(403, "not_room_guest").refusing(404, "room_not_found"),
            new Route("publish a slot", "POST", "/api/slots", "{\"startTs\":\"%FUTURE%\",\"endTs\":\"%FUTURE_END%\"}", 201, 201, 201),
            new Route("list open slots", "GET", "/api/slots?status=open", null, 200, 200, 200),
            new Route("book the slot", "POST", "/api/slots/%SLOT%/book", null, 422, 200, 200).refusing(422, "cannot_book_own_slot"),
            new Route("cancel the slot", "DELETE", "/api/slots/%SLOT%", null, 200, 403, 403).refusing(403, "not_slot_host"),
            new Route("who am I", "GET", "/api/whoami", null, 200, 200, 200),
            // preferences: everyone reads and replaces only their own (there is no way to name someone else)
            new Route("read my preferences", "GET", "/api/me/preferences", null, 200, 200, 200, 200),
            new Route("replace my preferences", "PUT", "/api/me/preferences", "{\"reminderMinutes\":[30],\"reminderChannel\":\"email\"}",
                    200, 200, 200, 200),
            new Route("read my time zone", "GET", "/api/me/time-zone", null, 200, 200, 200, 200),
            new Route("set my time zone", "PUT", "/api/me/time-zone", "{\"timeZone\":\"Europe/Berlin\"}", 200, 200, 200, 200),
            // team members: everyone lists the active ones, only admins see the others and change the team
            new Route("list team members", "GET", "/api/team-members", null, 200, 200, 200, 200),
            new Route("list team members with inactive ones", "GET", "/api/team-members?includeInactive=true", null, 403, 403, 403, 200)
                    .refusing(403, "admin_only"),
            new Route("add a team member", "POST", "/api/team-members",
                    "{\"name\":\"Matrix New\",\"email\":\"new-%UNIQUE%@example.com\",\"role\":\"Analyst\"}", 403, 403, 403, 201)
                    .refusing(403, "admin_only"),
            new Route("list the Cal.com users to link", "GET", "/api/team-members/calcom-users", null, 403, 403, 403, 200)
                    .refusing(403, "admin_only"),
            new Route("change a team member", "PATCH", "/api/team-members/%MEMBER%", "{\"role\":\"Partner\"}", 403, 403, 403, 200)
                    .refusing(403, "admin_only"),
            // startups and contacts: everyone signed in
            new Route("search startups", "GET", "/api/startups?q=matrix", null, 200, 200, 200, 200),
            new Route("add a startup", "POST", "/api/startups", "{\"name\":\"Matrix %UNIQUE%\"}", 201, 201, 201, 201),
            new Route("read a startup", "GET", "/api/startups/%STARTUP%", null, 200, 200, 200, 200),
            new Route("list a startup's contacts", "GET", "/api/startups/%STARTUP%/contacts", null, 200, 200, 200, 200),
            new Route("add a contact", "POST", "/api/startups/%STARTUP%/contacts",
                    "{\"name\":\"Matrix Contact\",\"email\":\"c-%UNIQUE%@example.com\",\"role\":\"CEO\"}", 201, 201, 201, 201),
            new Route("correct a startup", "PATCH", "/api/startups/%STARTUP%", "{\"website\":\"https://matrix-%UNIQUE%.example\"}",
                    200, 200, 200, 200),
            new Route("correct a contact", "PATCH", "/api/startups/%STARTUP%/contacts/%CONTACT%", "{\"role\":\"Founder %UNIQUE%\"}",
                    200, 200, 200, 200),
            // removing them: everyone signed in may; these two an interview names, so the answer is the same refusal for all
            new Route("remove a startup an interview names", "DELETE", "/api/startups/%NAMED_STARTUP%", null, 409, 409, 409, 409)
                    .refusing(409, "startup_in_use"),
            new Route("remove a contact an interview names", "DELETE", "/api/startups/%NAMED_STARTUP%/contacts/%NAMED_CONTACT%", null,
                    409, 409, 409, 409).refusing(409, "contact_in_use"),
            // interviews: host started a draft, guest is on its team, third is not; admins see and change every interview
            new Route("start an interview", "POST", "/api/interviews", "{}", 201, 201, 201, 201),
            new Route("list interviews", "GET", "/api/interviews", null, 200, 200, 200, 200),
            new Route("read the interview", "GET", "/api/interviews/%INTERVIEW%", null, 200, 200, 404, 200)
                    .refusing(404, "interview_not_found"),
            new Route("fill in a step of the interview", "PUT", "/api/interviews/%INTERVIEW%/steps/details", "{\"timeZone\":\"UTC\"}",
                    200, 403, 404, 200).refusing(403, "not_interview_editor").refusing(404, "interview_not_found"),
            new Route("see when the interview's possible team is busy", "GET",
                    "/api/interviews/%INTERVIEW%/options/team?from=%FUTURE%&to=%FUTURE_END%", null, 200, 200, 404, 200)
                    .refusing(404, "interview_not_found"),
            new Route("list the interview's event types", "GET", "/api/interviews/%INTERVIEW%/options/event-types", null, 200, 200, 404, 200)
                    .refusing(404, "interview_not_found"),
            new Route("send the interview (incomplete)", "POST", "/api/interviews/%INTERVIEW%/send", null, 422, 403, 404, 422)
                    .refusing(422, "interview_incomplete").refusing(403, "not_interview_editor").refusing(404, "interview_not_found"),
            new Route("cancel the interview (a draft)", "POST", "/api/interviews/%INTERVIEW%/cancel", "{}", 409, 409, 404, 409)
                    .refusing(409, "interview_not_sent").refusing(404, "interview_not_found"),
            // a sent interview: its Cal.com booking is host's, who sent it; guest is on its team
            new Route("cancel the sent interview", "POST", "/api/interviews/%SENT_INTERVIEW%/cancel", "{}", 200, 403, 404, 200)
                    .refusing(403, "not_interview_sender").refusing(404, "interview_not_found"),
            new Route("reschedule the sent interview", "POST", "/api/interviews/%SENT_INTERVIEW%/reschedule", "{\"start\":\"%FUTURE%\"}",
                    200, 403, 404, 200).refusing(403, "not_interview_sender").refusing(404, "interview_not_found"),
            new Route("change the sent interview's guests", "PUT", "/api/interviews/%SENT_INTERVIEW%/guests",
                    "{\"guests\":[{\"name\":\"Gus Guest\",\"email\":\"gus@guest.test\"}]}", 200, 403, 404, 200)
                    .refusing(403, "not_interview_sender").refusing(404, "interview_not_found"),
            new Route("read what became of the sent interview's mails", "GET", "/api/interviews/%SENT_INTERVIEW%/invitation-mails", null,
                    200, 200, 404, 200).refusing(404, "interview_not_found"));

    /**
     * Every refusal of the table as the OpenAPI document must describe it (OpenApiErrorAnswersTest): method, a concrete
     * path (ids filled in with a random UUID), status and code.
     */
    public static List<OpenApiErrors.Seen> expectedRefusals() {
        List<OpenApiErrors.Seen> refusals = new ArrayList<>();
        String id = UUID.randomUUID().toString();
        for (Route r : ROUTES) {
            String path = r.path().replaceAll("%[A-Z_]+%", id);
            for (Who w : Who.values()) {
                int status = r.expectedFor(w);
                if (status >= 400) {
                    String code = r.codeFor(status);
                    if (code == null) {
                        throw new IllegalStateException("row '" + r.name() + "' names no code for its " + status);
                    }
                    refusals.add(new OpenApiErrors.Seen(r.method(), path, status, code));
                }
            }
        }
        return refusals.stream().distinct().toList();
    }

    record Cell(Route route, Who who) {
        @Override
        public String toString() {
            return route.name() + " as " + who;
        }
    }

    static List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (Route r : ROUTES) {
            for (Who w : Who.values()) {
                cells.add(new Cell(r, w));
            }
        }
        return cells;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void answersAsTheTableSays(Cell cell) {
        boolean person = cell.who().compareTo(Who.HOST) >= 0;
        Scene scene = !person ? null : cell.route().needsRooms() ? Scene.make() : Scene.people();
        Instant start = Instant.now().plus(DAYS.addAndGet(1) + 800, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String fill = UUID.randomUUID().toString();
        String interview = person && cell.route().path().contains("%INTERVIEW%") ? Team.interviewOf(scene) : fill;
        String sent = person && cell.route().path().contains("%SENT_INTERVIEW%") ? Team.sentInterviewOf(scene, start.plus(3, ChronoUnit.HOURS)) : fill;
        String path = fillIn(cell.route().path(), scene, fill, start).replace("%INTERVIEW%", interview).replace("%SENT_INTERVIEW%", sent);
        String body = cell.route().body() == null ? null : fillIn(cell.route().body(), scene, fill, start);

        RequestSpecification request = given();
        String token = token(cell.who(), scene);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        Response response = switch (cell.route().method()) {
            case "POST" -> request.post(path);
            case "DELETE" -> request.delete(path);
            case "PATCH" -> request.patch(path);
            case "PUT" -> request.put(path);
            default -> request.get(path);
        };

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(cell.route().expectedFor(cell.who()));
        if (response.statusCode() >= 400) {
            assertThat(response.jsonPath().getString("code")).as(response.asString()).isEqualTo(cell.route().codeFor(response.statusCode()));
        }
    }

    private static String fillIn(String text, Scene scene, String fill, Instant start) {
        return text.replace("%FUTURE%", start.toString()).replace("%FUTURE_END%", start.plus(1, ChronoUnit.HOURS).toString())
                .replace("%BOOKED%", scene == null ? fill : scene.bookedRoom()).replace("%OPEN%", scene == null ? fill : scene.openRoom())
                .replace("%PRIVATE_BOOKED%", scene == null ? fill : scene.privateBooked())
                .replace("%PRIVATE_OFFERED%", scene == null ? fill : scene.privateOffered())
                .replace("%SLOT%", scene == null ? fill : scene.slot())
                .replace("%UNIQUE%", UUID.randomUUID().toString().substring(0, 13))
                .replace("%MEMBER%", text.contains("%MEMBER%") ? Team.MEMBER : "")
                .replace("%STARTUP%", text.contains("%STARTUP%") ? Team.STARTUP : "")
                .replace("%CONTACT%", text.contains("%CONTACT%") ? Team.CONTACT : "")
                .replace("%NAMED_STARTUP%", text.contains("%NAMED_STARTUP%") ? Team.NAMED_STARTUP : "")
                .replace("%NAMED_CONTACT%", text.contains("%NAMED_CONTACT%") ? Team.NAMED_CONTACT : "");
    }

    private static String token(Who who, Scene scene) {
        String email = "matrix-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        return switch (who) {
            case NO_TOKEN -> null;
            case EXPIRED -> Tokens.expired(email);
            case WRONG_ISSUER -> Tokens.withClaims(email, "Wrong Issuer", "iss=http://issuer.evil.example");
            case WRONG_AUDIENCE -> Tokens.withClaims(email, "Wrong Audience", "aud=another-client");
            case ALG_NONE -> Tokens.algNone(email);
            case HS256_WITH_PUBLIC_KEY -> Tokens.hs256WithIssuerPublicKey(email);
            case FOREIGN_KEY -> Tokens.forged(email);
            case HOST -> scene.host().token();
            case GUEST -> scene.guest().token();
            case THIRD -> scene.third().token();
            case ADMIN -> scene.admin().token();
        };
    }
}
