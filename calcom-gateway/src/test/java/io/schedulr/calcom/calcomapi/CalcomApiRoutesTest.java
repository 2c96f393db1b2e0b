package io.schedulr.calcom.calcomapi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.schedulr.testsupport.OpenApiErrors.Seen;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each route of calcom-gateway's Cal.com API against the local Cal.com over HTTP: what our caller sees, and what the
 * local Cal.com then holds. Every request the local Cal.com accepted also carried the right key and cal-api-version,
 * since it refuses others.
 */
@QuarkusTest
public class CalcomApiRoutesTest {
    private static final String NOT_FOUND = "calcom_not_found";
    private static final String REJECTED = "calcom_rejected";

    /** The error answers this test sees (a stranger's read and cancel, a taken slot, an unknown booking), for OpenApiDocumentTest. */
    public static List<Seen> errorAnswers() {
        return List.of(new Seen("GET", "/api/calcom/bookings/abcDEF123", 404, NOT_FOUND),
                new Seen("POST", "/api/calcom/bookings/abcDEF123/cancel", 404, NOT_FOUND),
                new Seen("POST", "/api/calcom/bookings", 422, REJECTED));
    }

    private final TestUser person = Tokens.newUser("Iris Recruiter", "Europe/Berlin");

    private long eventTypeId(int minutes) {
        List<Map<String, Object>> types = given().header("Authorization", person.bearer()).get("/api/calcom/event-types")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return types.stream().filter(t -> ((Number) t.get("lengthInMinutes")).intValue() == minutes)
                .map(t -> ((Number) t.get("id")).longValue()).findFirst().orElseThrow();
    }

    private Response book(long eventTypeId, Instant start, String interviewId, Integer length) {
        String body = """
                {"interviewId":"%s","eventTypeId":%d,"start":"%s",%s
                 "attendee":{"name":"Grace Candidate","email":"grace@candidate.test","timeZone":"America/New_York"},
                 "guests":["observer@partner.test"]}""".formatted(interviewId, eventTypeId, start,
                length == null ? "" : "\"lengthInMinutes\":" + length + ",");
        return given().header("Authorization", person.bearer()).contentType(ContentType.JSON).body(body).post("/api/calcom/bookings");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eventTypesListTitleSlugDurationsDescriptionAndHosts() {
        Response response = given().header("Authorization", person.bearer()).get("/api/calcom/event-types");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        List<Map<String, Object>> types = response.jsonPath().getList("$");
        assertThat(types).extracting(t -> t.get("slug")).containsExactly("interview-30", "interview-45", "interview-60");
        assertThat(types).extracting(t -> t.get("title")).containsExactly("Interview (30 min)", "Interview (45 min)", "Interview (60 min)");
        assertThat(types).allSatisfy(t -> {
            assertThat(t).containsKeys("id", "description", "lengthInMinutes", "lengthOptions", "teamId", "schedulingType", "bookingUrl");
            assertThat((List<Object>) t.get("lengthOptions")).contains(t.get("lengthInMinutes"));
            assertThat((List<?>) t.get("hosts")).hasSize(3);
        });
    }

    @Test
    void slotsOfAnEventTypeInAWindowArePerHostingMemberAndInTheAskedZone() {
        long id = eventTypeId(60);
        LocalDate monday = LocalCalcomData.freshMonday();

        Response response = given().header("Authorization", person.bearer())
                .queryParam("eventTypeId", id).queryParam("start", monday.toString()).queryParam("end", monday.toString())
                .queryParam("timeZone", "Europe/Berlin").get("/api/calcom/slots");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        List<String> starts = response.jsonPath().getList("slots.start");
        assertThat(starts).hasSize(8).first().satisfies(s -> assertThat(OffsetDateTime.parse(s).toInstant())
                .isEqualTo(LocalCalcomData.berlin(monday, 9, 0)));
        assertThat(OffsetDateTime.parse(starts.get(0)).getOffset().getTotalSeconds()).as("written in Berlin time").isIn(3600, 7200);
        assertThat(response.jsonPath().getString("schedulingType")).isEqualTo("collective");
        assertThat(response.jsonPath().getBoolean("everyHostAttends")).isTrue();
        assertThat(response.jsonPath().getList("members.member.name")).containsExactly("Ada Host", "Ben Panel", "Cleo Panel");
        assertThat(response.jsonPath().getList("members[1].slots.start")).isEqualTo(starts);
    }

    @Test
    void eventTypesAskedAgainWithinAMinuteCostNoRequestToCalcomButSlotsAlwaysDo() throws Exception {
        long id = eventTypeId(60);
        LocalDate monday = LocalCalcomData.freshMonday();
        String typePath = "/v2/event-types/" + id;
        int lists = LocalCalcomData.answered(LocalCalcomApiResource.shared(), "GET", "/v2/event-types").size();
        int reads = LocalCalcomData.answered(LocalCalcomApiResource.shared(), "GET", typePath).size();
        int slotAsks = LocalCalcomData.answered(LocalCalcomApiResource.shared(), "GET", "/v2/slots").size();

        for (int i = 0; i < 3; i++) {
            eventTypeId(60);
            given().header("Authorization", person.bearer())
                    .queryParam("eventTypeId", id).queryParam("start", monday.toString()).queryParam("end", monday.toString())
                    .queryParam("timeZone", "Europe/Berlin").get("/api/calcom/slots").then().statusCode(200);
        }

        assertThat(LocalCalcomData.answered(LocalCalcomApiResource.shared(), "GET", "/v2/event-types")).hasSize(lists);
        assertThat(LocalCalcomData.answered(LocalCalcomApiResource.shared(), "GET", typePath)).as("read once for three slot lists")
                .hasSizeBetween(reads, reads + 1);
        assertThat(LocalCalcomData.answered(LocalCalcomApiResource.shared(), "GET", "/v2/slots")).hasSize(slotAsks + 3);
    }

    @Test
    void aBookingIsCreatedReadRescheduledAndCancelled() throws Exception {
        long id = eventTypeId(30);
        LocalDate monday = LocalCalcomData.freshMonday();
        Instant ten = LocalCalcomData.berlin(monday, 10, 0);

        Response created = book(id, ten, "iv-route-1", null);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String uid = created.jsonPath().getString("uid");
        assertThat(created.jsonPath().getString("interviewId")).isEqualTo("iv-route-1");
        assertThat(created.jsonPath().getString("status")).isEqualTo("accepted");
        assertThat(Instant.parse(created.jsonPath().getString("start"))).isEqualTo(ten);
        assertThat(Instant.parse(created.jsonPath().getString("end"))).isEqualTo(ten.plusSeconds(1800));
        assertThat(created.jsonPath().getList("guests")).containsExactly("observer@partner.test");
        assertThat(created.jsonPath().getList("attendees.email")).contains("grace@candidate.test");
        assertThat(created.jsonPath().getString("meetingUrl")).isNotBlank();
        assertThat(created.jsonPath().getMap("metadata")).containsEntry("schedulrInterviewId", "iv-route-1")
                .containsEntry("schedulrBookedBy", person.id());
        assertThat(LocalCalcomData.bookings(LocalCalcomApiResource.shared())).contains(uid).contains("iv-route-1");

        TestUser stranger = Tokens.newUser("Sam Stranger", "UTC");
        given().header("Authorization", stranger.bearer()).get("/api/calcom/bookings/" + uid)
                .then().statusCode(404).body("code", org.hamcrest.Matchers.equalTo(NOT_FOUND));
        given().header("Authorization", stranger.bearer()).contentType("application/json").body(Map.of("cancellationReason", "mine"))
                .post("/api/calcom/bookings/" + uid + "/cancel")
                .then().statusCode(404).body("code", org.hamcrest.Matchers.equalTo(NOT_FOUND));
        assertThat(LocalCalcomData.bookings(LocalCalcomApiResource.shared())).as("a stranger cancels nothing").doesNotContain("mine");

        Response read = given().header("Authorization", person.bearer()).get("/api/calcom/bookings/" + uid);
        assertThat(read.statusCode()).as(read.asString()).isEqualTo(200);
        assertThat(read.jsonPath().getString("icsUid")).isEqualTo(created.jsonPath().getString("icsUid"));

        Instant eleven = LocalCalcomData.berlin(monday, 11, 0);
        Response moved = given().header("Authorization", person.bearer()).contentType(ContentType.JSON)
                .body(Map.of("start", eleven.toString(), "reschedulingReason", "panel clash")).post("/api/calcom/bookings/" + uid + "/reschedule");
        assertThat(moved.statusCode()).as(moved.asString()).isEqualTo(201);
        String newUid = moved.jsonPath().getString("uid");
        assertThat(newUid).isNotEqualTo(uid);
        assertThat(moved.jsonPath().getString("rescheduledFromUid")).isEqualTo(uid);
        assertThat(moved.jsonPath().getString("icsUid")).isEqualTo(created.jsonPath().getString("icsUid"));
        assertThat(moved.jsonPath().getString("interviewId")).isEqualTo("iv-route-1");
        assertThat(Instant.parse(moved.jsonPath().getString("start"))).isEqualTo(eleven);

        Response cancelled = given().header("Authorization", person.bearer()).contentType(ContentType.JSON)
                .body(Map.of("cancellationReason", "position filled")).post("/api/calcom/bookings/" + newUid + "/cancel");
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
        assertThat(cancelled.jsonPath().getString("status")).isEqualTo("cancelled");
        assertThat(cancelled.jsonPath().getString("cancellationReason")).isEqualTo("position filled");
        assertThat(given().header("Authorization", person.bearer()).get("/api/calcom/bookings/" + newUid).jsonPath().getString("status"))
                .isEqualTo("cancelled");
    }

    /** Cal.com refuses the key owner's cancellation of their own booking without a reason; a caller need not give one. */
    @Test
    void aBookingCancelledWithoutAReasonIsCancelledOnCalcomWithTheDefaultOne() throws Exception {
        long id = eventTypeId(30);
        LocalDate monday = LocalCalcomData.freshMonday();
        String bodiless = book(id, LocalCalcomData.berlin(monday, 9, 0), "iv-no-reason-1", null).jsonPath().getString("uid");
        String empty = book(id, LocalCalcomData.berlin(monday, 10, 0), "iv-no-reason-2", null).jsonPath().getString("uid");

        Response withoutBody = given().header("Authorization", person.bearer()).contentType(ContentType.JSON)
                .post("/api/calcom/bookings/" + bodiless + "/cancel");
        Response withEmptyObject = given().header("Authorization", person.bearer()).contentType(ContentType.JSON).body("{}")
                .post("/api/calcom/bookings/" + empty + "/cancel");

        for (Response cancelled : List.of(withoutBody, withEmptyObject)) {
            assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
            assertThat(cancelled.jsonPath().getString("status")).isEqualTo("cancelled");
            assertThat(cancelled.jsonPath().getString("cancellationReason")).isEqualTo("Cancelled in schedulr");
        }
        assertThat(LocalCalcomData.answered(LocalCalcomApiResource.shared(), "POST", "/v2/bookings/" + bodiless + "/cancel"))
                .as("Cal.com was asked once and answered").containsExactly(200);
        assertThat(LocalCalcomData.bookingList(LocalCalcomApiResource.shared())).filteredOn(b -> bodiless.equals(b.get("uid")))
                .extracting(b -> b.get("cancellationReason")).as("what Cal.com keeps and shows the attendee")
                .containsExactly("Cancelled in schedulr");
    }

    @Test
    void aCustomDurationThatTheEventTypeOffersIsBooked() {
        long id = eventTypeId(45);
        Instant start = LocalCalcomData.berlin(LocalCalcomData.freshMonday(), 9, 0);

        Response created = book(id, start, "iv-length", 45);

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(Instant.parse(created.jsonPath().getString("end"))).isEqualTo(start.plusSeconds(45 * 60));
    }

    @Test
    void aTakenSlotIsCalcomRejectedWithCalcomsMessage() {
        long id = eventTypeId(30);
        Instant start = LocalCalcomData.berlin(LocalCalcomData.freshMonday(), 14, 0);
        assertThat(book(id, start, "iv-first", null).statusCode()).isEqualTo(201);

        Response second = book(id, start, "iv-second", null);

        assertThat(second.statusCode()).as(second.asString()).isEqualTo(422);
        assertThat(second.jsonPath().getString("code")).isEqualTo(REJECTED);
        assertThat(second.jsonPath().getString("message")).contains("already has booking at this time");
    }

    @Test
    void aDurationTheEventTypeDoesNotOfferIsCalcomRejected() {
        Response response = book(eventTypeId(30), LocalCalcomData.berlin(LocalCalcomData.freshMonday(), 9, 0), "iv-odd", 50);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(422);
        assertThat(response.jsonPath().getString("code")).isEqualTo(REJECTED);
        assertThat(response.jsonPath().getString("message")).contains("lengthInMinutes");
    }

    @Test
    void anUnknownBookingIs404CalcomNotFound() {
        Response response = given().header("Authorization", person.bearer()).get("/api/calcom/bookings/doesNotExist123");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(404);
        assertThat(response.jsonPath().getString("code")).isEqualTo(NOT_FOUND);
    }

    @Test
    void theCalcomApiCheckIsUpInWellnessAndReadinessDoesNotDependOnIt() {
        given().get("/q/health/well").then().statusCode(200);
        Response well = given().get("/q/health/well");
        assertThat(well.jsonPath().getString("checks.find { it.name == 'Cal.com API' }.status")).isEqualTo("UP");
        assertThat(well.jsonPath().getString("checks.find { it.name == 'Cal.com API' }.data.state")).isEqualTo("connected");
        assertThat(given().get("/q/health/ready").jsonPath().getList("checks.name")).doesNotContain("Cal.com API");
    }
}
