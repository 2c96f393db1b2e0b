package io.schedulr.calendarsync.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.schedulr.calendarsync.LocalGoogleTestResource;
import io.schedulr.calendarsync.adapter.out.crypto.AesGcmTokenVault;
import io.schedulr.calendarsync.config.TokenKeys;
import io.schedulr.calendarsync.connection.ConnectionRows;
import io.schedulr.calendarsync.connection.GoogleConsent;
import io.schedulr.calendarsync.connection.LocalGoogleAccount;
import io.schedulr.calendarsync.freebusy.InternalFreeBusyTest;
import io.schedulr.testsupport.OpenApiErrors.Seen;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar connection routes × every kind of caller. Authenticated routes: every refused kind of token 401
 * {@code {"code":"unauthorized"}} (and a front-end callback refused so leaves its state usable), a signed-in person
 * (an admin is just a person here) the expected 2xx/302. The public Google redirect: no kind of token turns a bad state
 * into a 401 or 500 (always 400 invalid_state), and a good state connects the person it names, whoever calls. Then one
 * person can neither see nor change another's connection. The internal free/busy route ({@code GET /internal/free-busy})
 * takes no token at all: whatever token comes along, no or a wrong service key 401 {@code {"code":"unauthorized"}}, a
 * configured key 200.
 */
@QuarkusTest
public class ConnectionAuthorizationMatrixTest {
    private static final String CALLBACK = "/api/auth/google/callback";


    enum Who {
        NO_TOKEN, EXPIRED, WRONG_ISSUER, WRONG_AUDIENCE, ALG_NONE, HS256_WITH_PUBLIC_KEY, FOREIGN_KEY, PERSON, ADMIN;

        boolean refused() {
            return this != PERSON && this != ADMIN;
        }

        /** The bearer token this kind of caller sends, or null; a person's own token for PERSON and ADMIN. */
        String token(TestUser person) {
            return refused() ? Tokens.Refused.valueOf(name()).token() : person.token();
        }

        TestUser newPerson() {
            return this == ADMIN ? Tokens.newUserWithRoles("Conn Admin", "UTC", "admin") : Tokens.newUser("Conn Person", "UTC");
        }
    }

    record Route(String name, String method, String path, boolean acceptJson, int person) {
    }

    static final List<Route> AUTHENTICATED = List.of(
            new Route("start (redirect)", "GET", "/api/auth/google/start", false, 302),
            new Route("start (JSON)", "GET", "/api/auth/google/start", true, 200),
            new Route("front-end callback", "POST", "/api/auth/google/callback", true, 200),
            new Route("read the connection", "GET", "/api/calendar/connection", true, 200),
            new Route("disconnect", "DELETE", "/api/calendar/connection", true, 200),
            new Route("free/busy", "GET", FreeBusyBadInputTest.FREE_BUSY, true, 200));

    record Cell(Route route, Who who) {
        @Override
        public String toString() {
            return route.name() + " as " + who;
        }
    }

    /** Every error answer this test sees, for the OpenAPI document's check (OpenApiDocumentTest). */
    public static List<Seen> errorAnswers() {
        List<Seen> seen = new ArrayList<>();
        AUTHENTICATED.forEach(route -> seen.add(new Seen(route.method(), route.path(), 401, "unauthorized")));
        seen.add(new Seen("GET", FreeBusyBadInputTest.INTERNAL_FREE_BUSY, 401, "unauthorized"));
        seen.add(new Seen("GET", CALLBACK, 400, "invalid_state"));
        seen.add(new Seen("POST", CALLBACK, 400, "invalid_state"));
        seen.add(new Seen("GET", CALLBACK, 400, "invalid_code"));
        seen.add(new Seen("POST", SignInBadInputTest.SIGN_IN, 400, "invalid_code"));
        return seen;
    }

    static List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (Route route : AUTHENTICATED) {
            for (Who who : Who.values()) {
                cells.add(new Cell(route, who));
            }
        }
        return cells;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void authenticatedRoutesAnswerAsTheTableSays(Cell cell) {
        Route route = cell.route();
        TestUser person = cell.who().newPerson();
        if (!cell.who().refused() && route.method().equals("DELETE")) {
            connect(person);
        }
        // The front-end callback carries a real, unused consent of this person, so a refusal can be seen to leave it unused.
        Map<String, String> consent = route.method().equals("POST") ? GoogleConsent.consent(person, "") : null;

        RequestSpecification request = given().redirects().follow(false);
        String token = cell.who().token(person);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (route.acceptJson()) {
            request = request.accept(ContentType.JSON);
        }
        if (route.name().equals("free/busy")) {
            request = request.queryParam("start", "2030-03-04T09:00:00Z").queryParam("end", "2030-03-05T09:00:00Z");
        }
        if (consent != null) {
            request = request.contentType(ContentType.JSON).body(Map.of("code", consent.get("code"), "state", consent.get("state")));
        }
        Response response = switch (route.method()) {
            case "POST" -> request.post(route.path());
            case "DELETE" -> request.delete(route.path());
            default -> request.get(route.path());
        };

        if (cell.who().refused()) {
            assertUnauthorized(response);
            if (consent != null) {
                assertThat(ConnectionRows.connection(person.id())).as("nothing stored for the state's owner").isEmpty();
                given().queryParam("code", consent.get("code")).queryParam("state", consent.get("state"))
                        .get("/api/auth/google/callback").then().statusCode(200);
            }
            return;
        }
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(route.person());
        switch (route.name()) {
            case "start (redirect)" -> {
                assertThat(response.header("Location")).contains("/o/oauth2/v2/auth?").contains("state=");
                assertThat(response.header("Cache-Control")).isEqualTo("no-store");
            }
            case "start (JSON)" -> {
                assertThat(response.jsonPath().getString("url")).contains("/o/oauth2/v2/auth?");
                assertThat(response.header("Cache-Control")).isEqualTo("no-store");
            }
            case "front-end callback" -> {
                assertThat(response.jsonPath().getString("status")).isEqualTo("connected");
                assertThat(ConnectionRows.connection(person.id())).containsEntry("status", "connected");
            }
            case "read the connection" -> assertThat(response.jsonPath().getString("status")).isEqualTo("not_connected");
            case "free/busy" -> {
                assertThat(response.jsonPath().getString("status")).isEqualTo("not_connected");
                assertThat(response.jsonPath().getList("busy")).isEmpty();
            }
            case "disconnect" -> {
                assertThat(response.jsonPath().getString("status")).isEqualTo("not_connected");
                assertThat(ConnectionRows.connection(person.id())).containsEntry("status", "not_connected")
                        .containsEntry("google_refresh_token", null);
            }
            default -> throw new AssertionError(route.name());
        }
    }

    static List<Who> everyone() {
        return List.of(Who.values());
    }

    /** What an internal caller puts in X-Schedulr-Service-Key: nothing, a key that is not configured, or a configured one. */
    enum ServiceKey {
        NO_KEY(null), WRONG_KEY("test-service-key-0"), KEY(InternalFreeBusyTest.KEY);

        final String value;

        ServiceKey(String value) {
            this.value = value;
        }
    }

    record InternalCell(Who who, ServiceKey key) {
        @Override
        public String toString() {
            return "internal free/busy as " + who + " with " + key;
        }
    }

    static List<InternalCell> internalCells() {
        List<InternalCell> cells = new ArrayList<>();
        for (Who who : Who.values()) {
            for (ServiceKey key : ServiceKey.values()) {
                cells.add(new InternalCell(who, key));
            }
        }
        return cells;
    }

    /**
     * The internal route is for services: a token, refused or a person's (an admin's too), neither opens it nor stands in
     * the way; only a configured key does (the person named here is the token's, never connected: not_connected).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("internalCells")
    void theInternalFreeBusyRouteTakesAServiceKeyAndNoToken(InternalCell cell) {
        TestUser person = cell.who().newPerson();
        RequestSpecification request = given().redirects().follow(false).accept(ContentType.JSON)
                .queryParam("person", person.id()).queryParam("start", "2030-03-04T09:00:00Z").queryParam("end", "2030-03-05T09:00:00Z");
        String token = cell.who().token(person);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (cell.key().value != null) {
            request = request.header(InternalFreeBusyTest.HEADER, cell.key().value);
        }

        Response response = request.get(FreeBusyBadInputTest.INTERNAL_FREE_BUSY);

        if (cell.key() != ServiceKey.KEY) {
            assertUnauthorized(response);
            assertThat(response.jsonPath().getString("message")).contains(InternalFreeBusyTest.HEADER);
            return;
        }
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getString("status")).isEqualTo("not_connected");
        assertThat(response.jsonPath().getList("busy")).isEmpty();
    }

    @ParameterizedTest(name = "Google redirect without a valid state, as {0}")
    @MethodSource("everyone")
    void theGoogleRedirectWithoutAValidStateIsInvalidStateWhateverTokenComesWithIt(Who who) {
        TestUser caller = who.newPerson();
        String token = who.token(caller);
        for (String query : List.of("", "?code=abc", "?code=abc&state=forged", "?code=abc&state=a.b.c", "?error=access_denied&state=x")) {
            RequestSpecification request = given();
            if (token != null) {
                request = request.header("Authorization", "Bearer " + token);
            }
            Response response = request.get("/api/auth/google/callback" + query);

            assertThat(response.statusCode()).as(query + " → " + response.asString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/json");
            assertThat(response.jsonPath().getString("code")).isEqualTo("invalid_state");
            assertThat(response.jsonPath().getString("message")).isNotBlank();
        }
        assertThat(ConnectionRows.connection(caller.id())).isEmpty();
    }

    @ParameterizedTest(name = "Google redirect with a valid state, as {0}")
    @MethodSource("everyone")
    void theGoogleRedirectConnectsThePersonTheStateNamesWhoeverCalls(Who who) {
        TestUser owner = Tokens.newUser("Conn Owner", "UTC");
        TestUser caller = who.newPerson();
        Map<String, String> consent = GoogleConsent.consent(owner, "");
        RequestSpecification request = given().queryParam("code", consent.get("code")).queryParam("state", consent.get("state"));
        String token = who.token(caller);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }

        Response response = request.get("/api/auth/google/callback");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getString("status")).isEqualTo("connected");
        assertThat(ConnectionRows.connection(owner.id())).containsEntry("status", "connected");
        assertThat(ConnectionRows.connection(caller.id())).as("the caller's token does not decide whose connection it is").isEmpty();
    }

    @Test
    void someoneElseDisconnectingLeavesMyConnectionAndMyGrantAtGoogleAlone() {
        TestUser ana = Tokens.newUser("Iso Ana", "UTC");
        TestUser ben = Tokens.newUser("Iso Ben", "UTC");
        String calendarId = connect(ana);
        Map<String, String> before = ConnectionRows.connection(ana.id());

        given().header("Authorization", ben.bearer()).delete("/api/calendar/connection")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("not_connected"));

        assertThat(ConnectionRows.connection(ana.id())).isEqualTo(before);
        assertThat(ConnectionRows.connection(ben.id())).as("ben never connected; nothing made for him").isEmpty();
        given().header("Authorization", ana.bearer()).get("/api/calendar/connection")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("connected"))
                .body("calendarId", org.hamcrest.Matchers.equalTo(calendarId));
        assertThat(LocalGoogleAccount.refresh(vault().open(before.get("google_refresh_token"))).statusCode())
                .as("ana's grant still works at Google").isEqualTo(200);
    }

    @Test
    void readingShowsOnlyMyOwnConnection() {
        TestUser ana = Tokens.newUser("Iso Ana", "UTC");
        TestUser ben = Tokens.newUser("Iso Ben", "UTC");
        String calendarId = connect(ana);

        Response answer = given().header("Authorization", ben.bearer()).get("/api/calendar/connection");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getString("status")).isEqualTo("not_connected");
        assertThat(answer.asString()).doesNotContain(calendarId).doesNotContain(ana.id()).doesNotContain(ana.email());
    }

    /** Free/busy is always the caller's own: ben, connected or not, never sees ana's busy times; there is no parameter naming a person. */
    @Test
    void freeBusyShowsOnlyMyOwnBusyTimes() {
        TestUser ana = Tokens.newUser("Iso Ana", "UTC");
        TestUser ben = Tokens.newUser("Iso Ben", "UTC");
        connect(ana);
        LocalGoogleAccount.control("busy", "{\"email\": \"" + ana.email() + "\", \"start\": \"2030-03-04T10:00:00Z\", "
                + "\"end\": \"2030-03-04T11:00:00Z\"}");
        given().header("Authorization", ana.bearer()).queryParam("start", "2030-03-04T00:00:00Z").queryParam("end", "2030-03-05T00:00:00Z")
                .get(FreeBusyBadInputTest.FREE_BUSY).then().statusCode(200).body("busy.size()", org.hamcrest.Matchers.equalTo(1));

        Response notConnected = given().header("Authorization", ben.bearer()).queryParam("start", "2030-03-04T00:00:00Z")
                .queryParam("end", "2030-03-05T00:00:00Z").get(FreeBusyBadInputTest.FREE_BUSY);
        assertThat(notConnected.jsonPath().getString("status")).isEqualTo("not_connected");
        connect(ben);
        Response smuggled = given().header("Authorization", ben.bearer()).queryParam("start", "2030-03-04T00:00:00Z")
                .queryParam("end", "2030-03-05T00:00:00Z").queryParam("userId", ana.id()).queryParam("email", ana.email())
                .get(FreeBusyBadInputTest.FREE_BUSY);
        assertThat(smuggled.statusCode()).as("a parameter naming another person is refused, never read").isEqualTo(400);
        assertThat(smuggled.jsonPath().getString("code")).isEqualTo("unknown_parameter");
        assertThat(smuggled.asString()).doesNotContain("2030-03-04T10:00:00Z");
        Response own = given().header("Authorization", ben.bearer()).queryParam("start", "2030-03-04T00:00:00Z")
                .queryParam("end", "2030-03-05T00:00:00Z").get(FreeBusyBadInputTest.FREE_BUSY);
        assertThat(own.jsonPath().getString("status")).isEqualTo("connected");
        assertThat(own.jsonPath().getList("busy")).as("ben's own calendar is free").isEmpty();
    }

    /** With the key, the answer is about the person the service names: a person's token sent along changes nothing. */
    @Test
    void theInternalFreeBusyAnswerIsAboutThePersonNamedNotTheTokens() {
        TestUser ana = Tokens.newUser("Iso Ana", "UTC");
        TestUser ben = Tokens.newUser("Iso Ben", "UTC");
        connect(ana);
        connect(ben);
        LocalGoogleAccount.control("busy", "{\"email\": \"" + ana.email() + "\", \"start\": \"2030-03-06T10:00:00Z\", "
                + "\"end\": \"2030-03-06T11:00:00Z\"}");

        Response anas = given().header("Authorization", ben.bearer()).header(InternalFreeBusyTest.HEADER, InternalFreeBusyTest.KEY)
                .queryParam("person", ana.id()).queryParam("start", "2030-03-06T00:00:00Z").queryParam("end", "2030-03-07T00:00:00Z")
                .get(FreeBusyBadInputTest.INTERNAL_FREE_BUSY);
        Response bens = given().header("Authorization", ana.bearer()).header(InternalFreeBusyTest.HEADER, InternalFreeBusyTest.KEY)
                .queryParam("person", ben.id()).queryParam("start", "2030-03-06T00:00:00Z").queryParam("end", "2030-03-07T00:00:00Z")
                .get(FreeBusyBadInputTest.INTERNAL_FREE_BUSY);

        assertThat(anas.statusCode()).as(anas.asString()).isEqualTo(200);
        assertThat(anas.jsonPath().getString("status")).isEqualTo("connected");
        assertThat(anas.jsonPath().getList("busy")).hasSize(1);
        assertThat(bens.jsonPath().getString("status")).isEqualTo("connected");
        assertThat(bens.jsonPath().getList("busy")).as("ben's calendar is free").isEmpty();
    }

    @Test
    void postingSomeoneElsesStateIsRefusedAndConnectsNobody() {
        TestUser ana = Tokens.newUser("Iso Ana", "UTC");
        TestUser ben = Tokens.newUser("Iso Ben", "UTC");
        Map<String, String> anas = GoogleConsent.consent(ana, "");

        Response answer = given().header("Authorization", ben.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", anas.get("code"), "state", anas.get("state"))).post("/api/auth/google/callback");

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
        assertThat(answer.jsonPath().getString("code")).isEqualTo("invalid_state");
        assertThat(ConnectionRows.connection(ana.id())).isEmpty();
        assertThat(ConnectionRows.connection(ben.id())).isEmpty();
        // the stolen attempt is spent: nobody can finish it now, but ana can start again
        given().queryParam("code", anas.get("code")).queryParam("state", anas.get("state")).get("/api/auth/google/callback")
                .then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("invalid_state"));
        connect(ana);
        assertThat(ConnectionRows.connection(ben.id())).isEmpty();
    }

    @Test
    void postingSomeoneElsesStateCannotChangeTheirExistingConnection() {
        TestUser ana = Tokens.newUser("Iso Ana", "UTC");
        TestUser ben = Tokens.newUser("Iso Ben", "UTC");
        connect(ana);
        Map<String, String> before = ConnectionRows.connection(ana.id());
        Map<String, String> anas = GoogleConsent.consent(ana, "");

        given().header("Authorization", ben.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", anas.get("code"), "state", anas.get("state"))).post("/api/auth/google/callback")
                .then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("invalid_state"));

        assertThat(ConnectionRows.connection(ana.id())).isEqualTo(before);
    }

    @Test
    void aCodeFromSomeoneElsesConsentDoesNotCompleteMyState() {
        TestUser ana = Tokens.newUser("Iso Ana", "UTC");
        TestUser ben = Tokens.newUser("Iso Ben", "UTC");
        Map<String, String> anas = GoogleConsent.consent(ana, "");
        Map<String, String> bens = GoogleConsent.consent(ben, "");

        Response answer = given().queryParam("code", bens.get("code")).queryParam("state", anas.get("state"))
                .get("/api/auth/google/callback");

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
        assertThat(answer.jsonPath().getString("code")).as("the code was issued for another PKCE verifier").isEqualTo("invalid_code");
        assertThat(ConnectionRows.connection(ana.id())).doesNotContainEntry("status", "connected");
        assertThat(ConnectionRows.connection(ben.id())).doesNotContainEntry("status", "connected");
    }

    private static String connect(TestUser user) {
        Map<String, String> back = GoogleConsent.consent(user, "");
        return given().queryParam("code", back.get("code")).queryParam("state", back.get("state")).get("/api/auth/google/callback")
                .then().statusCode(200).extract().jsonPath().getString("calendarId");
    }

    /**
     * Signing in is how a person gets a token, so both sign-in routes are public: whatever token comes along (none,
     * forged, someone's), the answer is the same — the URL, or a refusal of the code — never a 401 or 500.
     */
    @ParameterizedTest(name = "sign-in as {0}")
    @EnumSource(Who.class)
    void signingInIsTheSameForEveryKindOfCaller(Who who) {
        String token = who.token(who.newPerson());
        RequestSpecification url = given().accept(ContentType.JSON).queryParam("redirectUri", SignInBadInputTest.WEB_APP)
                .queryParam("state", "matrix-state-0123456789").queryParam("codeChallenge", SignInBadInputTest.CHALLENGE);
        RequestSpecification finish = given().contentType(ContentType.JSON).body(Map.of("code", "never-issued",
                "codeVerifier", SignInBadInputTest.VERIFIER, "redirectUri", SignInBadInputTest.WEB_APP));
        if (token != null) {
            url = url.header("Authorization", "Bearer " + token);
            finish = finish.header("Authorization", "Bearer " + token);
        }
        url.get(SignInBadInputTest.SIGN_IN).then().statusCode(200);
        Response refused = finish.post(SignInBadInputTest.SIGN_IN);
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
        assertThat(refused.jsonPath().getString("code")).isEqualTo("invalid_code");
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("code")).isEqualTo("unauthorized");
        assertThat(response.jsonPath().getString("message")).isNotBlank();
        assertThat(response.header("Location")).as("no redirect to Google for a refused caller").isNull();
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("/o/oauth2/");
    }

    private static AesGcmTokenVault vault() {
        return new AesGcmTokenVault(TokenKeys.parse(System.getProperty(LocalGoogleTestResource.KEYS_PROPERTY)));
    }
}
