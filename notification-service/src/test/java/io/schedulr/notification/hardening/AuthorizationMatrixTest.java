package io.schedulr.notification.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.schedulr.events.RoomEventType;
import io.schedulr.notification.support.RoomEvents;
import io.schedulr.testsupport.Mailboxes;
import io.schedulr.testsupport.OpenApiErrors.Seen;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import jakarta.mail.MessagingException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of notification-service × every kind of caller: the status each gets, as one table (the same table is in
 * docs/security.md). The token routes act on a room hosted by "host" and booked by "guest"; "third" is anyone else
 * signed in, "admin" someone whose token has the role admin, "operator by address" someone whose address
 * SCHEDULR_ADMINS names (no role claim, as Google's tokens). The email-status hook takes no tokens: its callers are told
 * apart by the shared secret alone; the internal route (another service's, by X-Schedulr-Service-Key) is 401 to every
 * bearer token, as to none.
 */
@QuarkusTest
public class AuthorizationMatrixTest {

    enum Who { NO_TOKEN, EXPIRED, WRONG_ISSUER, WRONG_AUDIENCE, ALG_NONE, HS256_WITH_PUBLIC_KEY, FOREIGN_KEY, HOST, GUEST, THIRD, ADMIN,
        OPERATOR_BY_ADDRESS }

    enum Secret { NONE, WRONG, RIGHT, PREVIOUS }

    /** The booked room and the Message-ID of its mail to the guest, made once (the application is up by then). */
    private static final class Scene {
        static final TestUser HOST = Tokens.newUser("Matrix Host", "UTC");
        static final TestUser GUEST = Tokens.newUser("Matrix Guest", "UTC");
        static final TestUser THIRD = Tokens.newUser("Matrix Third", "UTC");
        static final TestUser ADMIN = Tokens.newUserWithRoles("Matrix Admin", "UTC", "admin");
        /** No role claim, as Google's ID tokens: an operator because %test.schedulr.admins (SCHEDULR_ADMINS) names the address. */
        static final TestUser OPERATOR_BY_ADDRESS = Tokens.user("Ops.By.Address@example.com", "Ops By Address", "UTC");
        static final String ROOM = RoomEvents.newRoomId();
        static final String MESSAGE_ID;

        static {
            RoomEvents.ensureTopics();
            RoomEvents.publish(RoomEvents.event(RoomEventType.ROOM_BOOKED, ROOM, 0, Instant.parse("2030-07-08T09:00:00Z"), HOST, GUEST));
            Mailboxes.awaitInbox(HOST.email(), 1, Duration.ofSeconds(45));
            try {
                MESSAGE_ID = Mailboxes.awaitInbox(GUEST.email(), 1, Duration.ofSeconds(45)).get(0).getHeader("Message-ID")[0];
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The error code of each refusal in the table: a refused token is unauthorized, a room one may not see not found. */
    private static final Map<Integer, String> CODES = Map.of(401, "unauthorized", 404, "room_not_found");
    private static final String HOOK = "/api/hooks/email-status";

    /** Every error answer this test sees, for the OpenAPI document's check (OpenApiDocumentTest). */
    public static List<Seen> errorAnswers() {
        List<Seen> seen = new ArrayList<>();
        for (Cell cell : cells()) {
            int status = cell.route().expectedFor(cell.who());
            if (status >= 400) {
                seen.add(new Seen(cell.route().method(), cell.route().path().replace("%ROOM%", "3f6c2a9e-1b7d-4c5e-9a8f-2d4b6c8e0f12"),
                        status, CODES.get(status)));
            }
        }
        seen.add(new Seen("POST", HOOK, 401, "unauthorized"));
        return seen;
    }

    record Route(String name, String method, String path, int host, int guest, int third, int admin) {
        int expectedFor(Who who) {
            return switch (who) {
                case HOST -> host;
                case GUEST -> guest;
                case THIRD -> third;
                case ADMIN, OPERATOR_BY_ADDRESS -> admin;
                default -> 401;
            };
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route("read the room's deliveries", "GET", "/api/rooms/%ROOM%/deliveries", 200, 200, 404, 200),
            new Route("who am I", "GET", "/api/whoami", 200, 200, 200, 200),
            // service to service: a bearer token opens nothing, whoever it names (the key's table is InterviewInvitationMailsTest)
            new Route("an interview's invitation mails (service key only)", "GET", "/internal/interviews/%ROOM%/invitation-mails",
                    401, 401, 401, 401));

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
        RequestSpecification request = given();
        String token = token(cell.who());
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        Response response = request.get(cell.route().path().replace("%ROOM%", Scene.ROOM));

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(cell.route().expectedFor(cell.who()));
        if (response.statusCode() >= 400) {
            assertThat(response.jsonPath().getString("code")).as(response.asString()).isEqualTo(CODES.get(response.statusCode()));
        }
    }

    /**
     * The hook, whoever the bearer token says the caller is: 401 without the right secret, 202 with it or with the
     * previous one (accepted during a rotation while it is configured).
     */
    @ParameterizedTest(name = "email-status hook with {0} secret")
    @MethodSource("secrets")
    void theHookAnswersBySecretAlone(Secret secret) {
        RequestSpecification request = given().header("Authorization", Scene.ADMIN.bearer()).contentType("application/json")
                .body(Map.of("messageId", Scene.MESSAGE_ID, "status", "delivered"));
        if (secret != Secret.NONE) {
            request = request.header("X-Hook-Secret", switch (secret) {
                case RIGHT -> "test-only-hook-secret";
                case PREVIOUS -> "test-only-previous-hook-secret";
                default -> "test-only-hook-secreT";
            });
        }
        Response response = request.post(HOOK);

        boolean accepted = secret == Secret.RIGHT || secret == Secret.PREVIOUS;
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(accepted ? 202 : 401);
        if (!accepted) {
            assertThat(response.jsonPath().getString("code")).isEqualTo("unauthorized");
        }
    }

    static Secret[] secrets() {
        return Secret.values();
    }

    private static String token(Who who) {
        return switch (who) {
            case HOST -> Scene.HOST.token();
            case GUEST -> Scene.GUEST.token();
            case THIRD -> Scene.THIRD.token();
            case ADMIN -> Scene.ADMIN.token();
            case OPERATOR_BY_ADDRESS -> Scene.OPERATOR_BY_ADDRESS.token();
            default -> Tokens.Refused.valueOf(who.name()).token();
        };
    }
}
