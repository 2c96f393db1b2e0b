package io.schedulr.scheduling;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.schedulr.kit.openapi.CommonError;
import io.schedulr.kit.openapi.DocumentedError;
import io.schedulr.scheduling.adapter.in.rest.openapi.ErrorCode;
import io.schedulr.scheduling.adapter.in.rest.openapi.ErrorResponsesFilter;
import io.schedulr.scheduling.hardening.AuthorizationMatrixTest;
import io.schedulr.scheduling.hardening.BadInputTableTest;
import io.schedulr.testsupport.OpenApiErrors;
import io.schedulr.testsupport.OpenApiErrors.Seen;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is the error contract: every refusal the tests expect (the bad-input table, the authorization
 * matrix, the conflicts and provider failures of the other API tests) is described on its operation with its status and
 * its code as an example key; every code of the {@link ErrorCode} and {@link CommonError} catalogs is somewhere in the document, and every code
 * written in the sources is in the catalog; the {@code {code, message}} schema exists; bodies and operations are described.
 */
@QuarkusTest
class OpenApiErrorAnswersTest {
    private static final String ID = "3f6c2a9e-1b7d-4c5e-9a8f-2d4b6c8e0f12";
    /** Answers the other API tests assert, by the test that sees them. */
    private static final List<Seen> OTHER_TESTS = List.of(
            // RoomBookingTest, BookingRacingAnotherChangeTest, OperatorMetricsTest
            new Seen("POST", "/api/practice-room/update", 409, "room_already_booked"),
            // ConcurrentRequestsOfOnePersonTest / PanacheUnitOfWork: a lost optimistic-lock race after the retries
            new Seen("POST", "/api/practice-room/update", 409, "changed_concurrently"),
            // RoomReleaseTest
            new Seen("DELETE", "/api/practice-room/" + ID + "/booking", 403, "not_room_guest"),
            // SlotPublishingTest, SlotBookingTest
            new Seen("POST", "/api/slots", 409, "slot_overlaps"),
            new Seen("POST", "/api/slots/" + ID + "/book", 409, "slot_not_open"),
            new Seen("DELETE", "/api/slots/" + ID, 409, "slot_not_open"),
            // StartupsApiTest, TeamMembersApiTest
            new Seen("POST", "/api/startups", 409, "startup_name_taken"),
            new Seen("POST", "/api/startups/" + ID + "/contacts", 409, "contact_email_taken"),
            new Seen("POST", "/api/team-members", 409, "team_member_email_taken"),
            new Seen("PATCH", "/api/team-members/" + ID, 409, "team_member_email_taken"),
            // InterviewFlowTest, InterviewLifecycleTest
            new Seen("PUT", "/api/interviews/" + ID + "/steps/startup", 400, "invalid_contactId"),
            new Seen("PUT", "/api/interviews/" + ID + "/steps/booking-type", 422, "custom_duration_unavailable"),
            new Seen("PUT", "/api/interviews/" + ID + "/steps/details", 403, "not_interview_editor"),
            new Seen("POST", "/api/interviews/" + ID + "/send", 409, "interview_being_sent"),
            new Seen("POST", "/api/interviews/" + ID + "/send", 422, "calcom_rejected"),
            new Seen("POST", "/api/interviews/" + ID + "/send", 503, "calcom_unavailable"),
            // DailyVideoRoomTest
            new Seen("POST", "/api/practice-room/create", 502, "video_provider_unavailable"),
            // TokenIdentityTest (service-kit CurrentCaller, on every signed-in operation)
            new Seen("GET", "/api/practice-rooms", 403, "email_unverified"),
            new Seen("GET", "/api/practice-rooms", 403, "email_unusable"),
            // CalendarGateTest
            new Seen("POST", "/api/practice-room/create", 403, "calendar_not_connected"),
            new Seen("POST", "/api/practice-room/update", 403, "calendar_not_connected"),
            new Seen("POST", "/api/slots", 403, "calendar_not_connected"),
            new Seen("POST", "/api/slots/" + ID + "/book", 403, "calendar_not_connected"));

    /**
     * Codes written in the sources that no operation answers, and why. Everything else the scan finds must be in
     * {@link ErrorCode} or {@link CommonError}, so a new code cannot reach clients without being in the document.
     */
    private static final Map<String, String> NOT_ON_AN_OPERATION = Map.ofEntries(
            Map.entry("invalid_calendar_connection", "refuses a calendar-sync Kafka record, never an HTTP request"),
            Map.entry("invalid_room_command", "refuses a Google Calendar change command from Kafka"),
            Map.entry("other_invitation", "refuses a Google Calendar change command from Kafka"),
            Map.entry("team_member_inactive", "TeamMember.requireActive, which no use case calls (interviews answer inactive_team_member)"),
            Map.entry("not_found", "service-kit: a path no operation serves"),
            Map.entry("method_not_allowed", "service-kit: a method no operation of the path serves"),
            Map.entry("not_acceptable", "service-kit: any operation when Accept excludes what it produces; not listed per operation"),
            Map.entry("bad_request", "service-kit: a framework 400 without a cause; this service's parameters are read as text and checked"),
            Map.entry("client_error", "service-kit: any other framework 4xx"),
            Map.entry("forbidden", "service-kit: Quarkus's role checks, which this service does not use (admin_only is its own)"),
            Map.entry("service_key_not_configured", "service-kit: ServiceKeys of the internal routes of calendar-sync-service and "
                    + "notification-service; this service serves none"));
    private static final String CODE = "\"([a-z][A-Za-z0-9_.]*[A-Za-z])\"";
    /** Where an error answer's code is written: a domain or API exception, an ApiError, service-kit's mappers and limits. */
    private static final List<Pattern> CODE_IN_SOURCE = Stream.of(
                    "(?:new\\s+(?:\\w+Exception|ApiError)|badRequest|notFound|\\berror|super)\\(\\s*(?:\\d{3},\\s*)?" + CODE,
                    "\\(ctx,\\s*\\d{3},\\s*" + CODE,
                    "\\bCODE\\s*=\\s*" + CODE,
                    "(?:case\\s+\\d{3}|default)\\s*->\\s*" + CODE)
            .map(Pattern::compile).toList();

    private String document;

    @BeforeEach
    void readTheDocument() {
        document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    }

    @Test
    void describesEveryRefusalOfTheBadInputTable() {
        List<Seen> table = BadInputTableTest.expectedRefusals();
        assertThat(table).hasSizeGreaterThan(100);
        assertThat(OpenApiErrors.problems(document, table)).isEmpty();
    }

    @Test
    void describesEveryRefusalOfTheAuthorizationMatrix() {
        List<Seen> matrix = AuthorizationMatrixTest.expectedRefusals();
        assertThat(matrix).extracting(Seen::code).contains("unauthorized", "not_room_host", "admin_only", "interview_incomplete");
        assertThat(OpenApiErrors.problems(document, matrix)).isEmpty();
    }

    @Test
    void describesTheConflictsAndFailuresTheOtherApiTestsSee() {
        assertThat(OpenApiErrors.problems(document, OTHER_TESTS)).isEmpty();
    }

    @Test
    void namesEveryCodeOfTheCatalogOnSomeOperation() {
        Set<String> described = describedCodes();
        List<String> missing = catalog().stream().filter(code -> !described.contains(code)).toList();
        assertThat(missing).as("catalog codes no operation describes").isEmpty();
    }

    @Test
    void catalogsEveryCodeWrittenInTheSources() {
        Set<String> written = codesIn(Path.of("src/main/java"), Path.of("../service-kit/src/main/java"));
        assertThat(written).as("the scan finds codes of each kind of source")
                .contains("room_not_found", "not_room_host", "calendar_not_connected", "malformed_json", "body_too_large",
                        "unsupported_media_type");
        Set<String> catalog = catalog();
        List<String> uncatalogued = written.stream().filter(code -> !catalog.contains(code) && !NOT_ON_AN_OPERATION.containsKey(code))
                .toList();
        assertThat(uncatalogued).as("codes in the sources missing from ErrorCode and CommonError (or from NOT_ON_AN_OPERATION, with the reason)")
                .isEmpty();
    }

    @Test
    void hasTheErrorSchemaAndDescribesBodiesAndOperations() {
        JsonPath json = JsonPath.from(document);
        Map<String, Object> error = json.getMap("components.schemas.ErrorResponse");
        assertThat(error).as("components.schemas.ErrorResponse").isNotNull();
        assertThat(json.getList("components.schemas.ErrorResponse.required", String.class)).contains("code", "message");
        assertThat(json.getString("components.schemas.ErrorResponse.properties.code.description")).isNotBlank();
        assertThat(json.getString("components.schemas.ErrorResponse.properties.message.description")).isNotBlank();

        Map<String, Map<String, Map<String, Object>>> paths = json.getMap("paths");
        assertThat(paths).hasSizeGreaterThan(20);
        List<String> problems = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String where = method.toUpperCase() + " " + path;
            // Quarkus fills in what is missing from the class and method names ("Add Contact", "Startup Resource");
            // service-kit's shared whoami route has only those.
            if (!path.equals("/api/whoami")) {
                if (!(operation.get("summary") instanceof String summary) || !isSentence(summary)) {
                    problems.add(where + ": no summary of its own: " + operation.get("summary"));
                }
                if (!(operation.get("tags") instanceof List<?> tags) || tags.isEmpty()
                        || tags.stream().anyMatch(t -> t.toString().endsWith(" Resource"))) {
                    problems.add(where + ": no tag of its own: " + operation.get("tags"));
                }
            }
            boolean bodyless = where.equals("POST /api/slots/{slotId}/book") || where.equals("POST /api/interviews/{id}/send");
            if (List.of("post", "put", "patch").contains(method) && !bodyless) {
                Object schema = json.get("paths.'" + path + "'." + method + ".requestBody.content.'application/json'.schema");
                if (!(schema instanceof Map<?, ?> s) || s.isEmpty()) {
                    problems.add(where + ": no application/json request body schema");
                }
            }
        }));
        assertThat(problems).isEmpty();
        assertThat(document).as("the filter's own extension is not published").doesNotContain(ErrorResponsesFilter.CODES);
    }

    /** A sentence, not a method name in Title Case: some word after the first starts in lower case. */
    private static boolean isSentence(String summary) {
        return Arrays.stream(summary.strip().split("\\s+")).skip(1).anyMatch(word -> Character.isLowerCase(word.charAt(0)));
    }

    /** Every example key under every error status of every operation. */
    @SuppressWarnings("unchecked")
    private Set<String> describedCodes() {
        Set<String> codes = new TreeSet<>();
        Map<String, Map<String, Map<String, Object>>> paths = JsonPath.from(document).getMap("paths");
        paths.values().forEach(operations -> operations.values().forEach(operation -> {
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.getOrDefault("responses", Map.of());
            responses.forEach((status, response) -> {
                Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.getOrDefault("content", Map.of());
                Map<String, Object> json = content.getOrDefault("application/json", Map.of());
                if (status.startsWith("4") || status.startsWith("5")) {
                    codes.addAll(((Map<String, Object>) json.getOrDefault("examples", Map.of())).keySet());
                }
            });
        }));
        return codes;
    }

    private static Set<String> codesIn(Path... roots) {
        Set<String> codes = new TreeSet<>();
        for (Path root : roots) {
            assertThat(root).as("source root, relative to the module").isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(file);
                    for (Pattern pattern : CODE_IN_SOURCE) {
                        Matcher m = pattern.matcher(text);
                        while (m.find()) {
                            codes.add(m.group(1));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return codes;
    }

    /** This service's catalog and service-kit's, whose codes every service answers. */
    private static Set<String> catalog() {
        return Stream.concat(Arrays.stream(ErrorCode.values()), Arrays.stream(CommonError.values()))
                .map(DocumentedError::code).collect(Collectors.toCollection(TreeSet::new));
    }
}
