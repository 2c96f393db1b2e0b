package io.schedulr.testsupport.calcom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.schedulr.testsupport.calcom.CalcomHttp.data;
import static io.schedulr.testsupport.calcom.CalcomHttp.dataList;
import static io.schedulr.testsupport.calcom.CalcomHttp.json;
import static io.schedulr.testsupport.calcom.CalcomHttp.list;
import static io.schedulr.testsupport.calcom.CalcomHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

/** The local Cal.com's API v2 against what Cal.com's OpenAPI document says: auth, versions, envelopes, shapes, slots, bookings. */
class CalcomApiContractTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String KEY = CalcomSettings.developmentKey();
    private static final AtomicInteger WEEK = new AtomicInteger(2);
    private static LocalCalcom calcom;
    private static CalcomHttp api;

    @BeforeAll
    static void start() throws Exception {
        calcom = LocalCalcom.start(0, CalcomSettings.defaults(KEY).withPingOnSubscribe(false));
        api = new CalcomHttp(calcom, KEY);
    }

    @AfterAll
    static void stop() {
        calcom.close();
    }

    /** A Monday of its own for each test, so bookings of one test never take another's slots. */
    static LocalDate freshMonday() {
        return LocalDate.now(BERLIN).plusWeeks(WEEK.getAndIncrement()).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    static Instant berlin(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(BERLIN).toInstant();
    }

    static long eventTypeId(CalcomHttp api, long teamId, int minutes) throws Exception {
        for (Map<String, Object> type : dataList(api.get("/v2/teams/" + teamId + "/event-types", LocalCalcom.TEAM_EVENT_TYPES_API_VERSION))) {
            if (((Number) type.get("lengthInMinutes")).intValue() == minutes) {
                return ((Number) type.get("id")).longValue();
            }
        }
        throw new AssertionError("no " + minutes + " minute event type");
    }

    static String bookingJson(long eventTypeId, Instant start, String email) {
        return """
                {"start":"%s","eventTypeId":%d,"attendee":{"name":"Grace Candidate","email":"%s","timeZone":"America/New_York"},
                 "guests":["observer@partner.test"],"metadata":{"interviewId":"iv-42"},"lengthInMinutes":30}
                """.formatted(start, eventTypeId, email);
    }

    @Test
    void meAnswersTheKeysOwnerInTheSuccessEnvelope() throws Exception {
        HttpResponse<String> response = api.get("/v2/me", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(json(response)).containsEntry("status", "success");
        assertThat(data(response)).containsKeys("id", "username", "email", "name", "avatarUrl", "bio", "timeFormat", "defaultScheduleId",
                "weekStart", "timeZone", "locale", "organizationId").containsEntry("email", "ada.host@schedulr.test")
                .containsEntry("timeZone", "Europe/Berlin");
    }

    @Test
    void aMissingOrWrongKeyIs401InCalcomsErrorEnvelopeWithoutTheKey() throws Exception {
        String wrong = "cal_wrong_" + KEY.substring(10);
        for (HttpResponse<String> response : List.of(new CalcomHttp(calcom, null).get("/v2/me", null),
                new CalcomHttp(calcom, wrong).get("/v2/me", null),
                new CalcomHttp(calcom, wrong).post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, "{}"))) {
            assertThat(response.statusCode()).isEqualTo(401);
            Map<String, Object> body = json(response);
            assertThat(body).containsEntry("status", "error").containsKeys("timestamp", "path");
            assertThat(OffsetDateTime.parse((String) body.get("timestamp"))).isNotNull();
            assertThat(map(body.get("error"))).containsEntry("code", "UnauthorizedException").containsKeys("message", "details");
            assertThat(response.body()).doesNotContain(wrong).doesNotContain(KEY);
        }
    }

    @Test
    void aMissingOrWrongApiVersionIsRefusedSoNoLegacyShapeIsServed() throws Exception {
        HttpResponse<String> missing = api.get("/v2/bookings/anything", null);
        HttpResponse<String> legacy = api.post("/v2/bookings", "2024-08-13", "{}");
        HttpResponse<String> slots = api.get("/v2/slots?eventTypeId=1001&start=2030-01-01&end=2030-01-02", LocalCalcom.BOOKINGS_API_VERSION);
        HttpResponse<String> eventTypes = api.get("/v2/event-types", null);
        for (HttpResponse<String> response : List.of(missing, legacy, slots, eventTypes)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(map(json(response).get("error"))).containsEntry("code", "BadRequestException");
            assertThat((String) map(json(response).get("error")).get("message")).contains("cal-api-version");
        }
        assertThat(json(missing)).containsEntry("path", "/v2/bookings/anything");
        assertThat((String) map(json(slots).get("error")).get("message")).contains("2024-09-04");
    }

    @Test
    void theSeededTeamHasThreeMembersAndEventTypesOf30And45And60Minutes() throws Exception {
        HttpResponse<String> memberships = api.get("/v2/teams/" + calcom.teamId() + "/memberships", null);
        assertThat(memberships.statusCode()).isEqualTo(200);
        List<Map<String, Object>> members = dataList(memberships);
        assertThat(members).hasSize(3).allSatisfy(m -> assertThat(m).containsKeys("id", "userId", "teamId", "accepted", "role", "user"));
        assertThat(members).extracting(m -> map(m.get("user")).get("email"))
                .containsExactly("ada.host@schedulr.test", "ben.panel@schedulr.test", "cleo.panel@schedulr.test");
        assertThat(dataList(api.get("/v2/teams/" + calcom.teamId() + "/memberships?emails=ben.panel@schedulr.test", null))).hasSize(1);

        HttpResponse<String> types = api.get("/v2/teams/" + calcom.teamId() + "/event-types", LocalCalcom.TEAM_EVENT_TYPES_API_VERSION);
        assertThat(types.statusCode()).isEqualTo(200);
        assertThat(dataList(types)).extracting(t -> ((Number) t.get("lengthInMinutes")).intValue()).containsExactly(30, 45, 60);
        assertThat(dataList(types)).allSatisfy(t -> {
            assertThat(t).containsKeys("id", "lengthInMinutes", "title", "slug", "description", "locations", "bookingFields", "disableGuests",
                    "recurrence", "metadata", "price", "currency", "lockTimeZoneToggleOnBookingPage", "forwardParamsSuccessRedirect",
                    "successRedirectUrl", "isInstantEvent", "scheduleId", "hidden", "bookingRequiresAuthentication", "teamId", "bookingUrl",
                    "hosts", "schedulingType", "team");
            assertThat(list(t.get("hosts"))).hasSize(3);
        });
        assertThat(dataList(api.get("/v2/teams/" + calcom.teamId() + "/event-types?eventSlug=interview-45",
                LocalCalcom.TEAM_EVENT_TYPES_API_VERSION))).singleElement().satisfies(t -> assertThat(t).containsEntry("slug", "interview-45"));
        assertThat(api.get("/v2/teams/999/memberships", null).statusCode()).isEqualTo(404);
    }

    @Test
    void personalEventTypesListUnderEventTypesAndAreReadableById() throws Exception {
        Map<String, Object> me = data(api.get("/v2/me", null));
        HttpResponse<String> seeded = api.control("event-types",
                "{\"slug\":\"intro-20\",\"title\":\"Intro\",\"lengthInMinutes\":20,\"ownerId\":" + me.get("id") + "}");
        assertThat(seeded.statusCode()).isEqualTo(200);
        HttpResponse<String> list = api.get("/v2/event-types", LocalCalcom.EVENT_TYPES_API_VERSION);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(dataList(list)).anySatisfy(t -> assertThat(t).containsEntry("slug", "intro-20").containsKeys("ownerId", "users", "bookingUrl"));
        Object id = json(seeded).get("id");
        assertThat(data(api.get("/v2/event-types/" + id, LocalCalcom.EVENT_TYPES_API_VERSION))).containsEntry("slug", "intro-20");
    }

    @Test
    void aTypeSeededWithLengthOptionsOffersSlotsAndBookingsOfEachAndRefusesOthers() throws Exception {
        Map<String, Object> me = data(api.get("/v2/me", null));
        HttpResponse<String> seeded = api.control("event-types", "{\"slug\":\"flexible\",\"title\":\"Flexible\",\"lengthInMinutes\":30,"
                + "\"lengthOptions\":[30,60],\"ownerId\":" + me.get("id") + "}");
        assertThat(seeded.statusCode()).isEqualTo(200);
        Object id = json(seeded).get("id");
        assertThat(data(api.get("/v2/event-types/" + id, LocalCalcom.EVENT_TYPES_API_VERSION))).containsEntry("lengthInMinutesOptions", List.of(30L, 60L));
        LocalDate monday = freshMonday();
        List<Object> hours = list(data(api.get("/v2/slots?eventTypeId=" + id + "&start=" + monday + "&end=" + monday
                + "&timeZone=Europe/Berlin&duration=60&format=range", LocalCalcom.SLOTS_API_VERSION)).get(monday.toString()));
        assertThat(hours).hasSize(8);
        assertThat(OffsetDateTime.parse((String) map(hours.get(0)).get("end")).toInstant()).isEqualTo(berlin(monday, 10, 0));
        assertThat(api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(((Number) id).longValue(), berlin(monday, 11, 0),
                "flexible@candidate.test").replace("\"lengthInMinutes\":30", "\"lengthInMinutes\":45")).statusCode()).isEqualTo(400);
        assertThat(api.control("event-types", "{\"slug\":\"odd\",\"title\":\"Odd\",\"lengthInMinutes\":30,\"lengthOptions\":[45,60],"
                + "\"ownerId\":" + me.get("id") + "}").statusCode()).as("options without the type's own length").isEqualTo(400);
        assertThat(dataList(api.get("/v2/event-types", LocalCalcom.EVENT_TYPES_API_VERSION))).as("nothing made of a refused one")
                .noneSatisfy(t -> assertThat(t).containsEntry("slug", "odd"));
    }

    @Test
    void slotsFollowWorkingHoursInTheRequestedZoneAndATakenSlotDisappears() throws Exception {
        long eventTypeId = eventTypeId(api, calcom.teamId(), 30);
        LocalDate monday = freshMonday();
        String query = "/v2/slots?eventTypeId=" + eventTypeId + "&start=" + monday + "&end=" + monday + "&timeZone=Europe/Berlin&format=range";
        HttpResponse<String> response = api.get(query, LocalCalcom.SLOTS_API_VERSION);
        assertThat(response.statusCode()).isEqualTo(200);
        List<Object> day = list(data(response).get(monday.toString()));
        assertThat(day).hasSize(16);
        Map<String, Object> first = map(day.get(0));
        assertThat(OffsetDateTime.parse((String) first.get("start")).toInstant()).isEqualTo(berlin(monday, 9, 0));
        assertThat(OffsetDateTime.parse((String) first.get("end")).toInstant()).isEqualTo(berlin(monday, 9, 30));
        assertThat((String) first.get("start")).matches("\\d{4}-\\d{2}-\\d{2}T09:00:00\\.000\\+0[12]:00");

        HttpResponse<String> plain = api.get("/v2/slots?eventTypeId=" + eventTypeId + "&start=" + monday + "&end=" + monday
                + "&timeZone=UTC&duration=30", LocalCalcom.SLOTS_API_VERSION);
        assertThat(map(list(data(plain).get(monday.toString())).get(0))).containsOnlyKeys("start");

        assertThat(api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(eventTypeId, berlin(monday, 10, 0),
                "slots@candidate.test")).statusCode()).isEqualTo(201);
        List<Object> after = list(data(api.get(query, LocalCalcom.SLOTS_API_VERSION)).get(monday.toString()));
        assertThat(after).hasSize(15).noneSatisfy(s -> assertThat(OffsetDateTime.parse((String) map(s).get("start")).toInstant())
                .isEqualTo(berlin(monday, 10, 0)));
        HttpResponse<String> weekend = api.get("/v2/slots?eventTypeId=" + eventTypeId + "&start=" + monday.minusDays(2) + "&end="
                + monday.minusDays(1) + "&timeZone=Europe/Berlin", LocalCalcom.SLOTS_API_VERSION);
        assertThat(data(weekend)).isEmpty();
    }

    @Test
    void aBookingIsCreatedWith201InTheDocumentedShapeAndReadBack() throws Exception {
        long eventTypeId = eventTypeId(api, calcom.teamId(), 30);
        Instant start = berlin(freshMonday(), 11, 0);
        HttpResponse<String> created = api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(eventTypeId, start,
                "grace@candidate.test"));
        assertThat(created.statusCode()).isEqualTo(201);
        Map<String, Object> booking = data(created);
        assertThat(booking).containsKeys("id", "uid", "title", "description", "hosts", "status", "start", "end", "duration", "eventTypeId",
                "eventType", "location", "absentHost", "createdAt", "updatedAt", "attendees", "bookingFieldsResponses", "icsUid", "guests",
                "metadata", "meetingUrl");
        assertThat(booking).containsEntry("status", "accepted").containsEntry("duration", 30L)
                .containsEntry("metadata", Map.of("interviewId", "iv-42")).containsEntry("guests", List.of("observer@partner.test"));
        assertThat(OffsetDateTime.parse((String) booking.get("start")).toInstant()).isEqualTo(start);
        assertThat(list(booking.get("hosts"))).hasSize(3);
        assertThat(map(list(booking.get("attendees")).get(0))).containsEntry("email", "grace@candidate.test")
                .containsEntry("timeZone", "America/New_York").containsKeys("name", "displayEmail", "absent");

        HttpResponse<String> read = api.get("/v2/bookings/" + booking.get("uid"), LocalCalcom.BOOKINGS_API_VERSION);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(data(read)).containsEntry("uid", booking.get("uid")).containsEntry("icsUid", booking.get("icsUid"));
        HttpResponse<String> unknown = api.get("/v2/bookings/nope", LocalCalcom.BOOKINGS_API_VERSION);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(map(json(unknown).get("error"))).containsEntry("code", "NotFoundException");
    }

    @Test
    void aTakenSlotOrATimeOutsideWorkingHoursIs400() throws Exception {
        long eventTypeId = eventTypeId(api, calcom.teamId(), 30);
        LocalDate monday = freshMonday();
        assertThat(api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(eventTypeId, berlin(monday, 14, 0),
                "first@candidate.test")).statusCode()).isEqualTo(201);
        for (Instant start : List.of(berlin(monday, 14, 0), berlin(monday, 14, 15), berlin(monday, 20, 0), berlin(monday.minusDays(1), 10, 0))) {
            HttpResponse<String> refused = api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(eventTypeId, start,
                    "second@candidate.test"));
            assertThat(refused.statusCode()).as("booking at %s", start).isEqualTo(400);
            assertThat(map(json(refused).get("error"))).containsEntry("code", "BadRequestException");
        }
    }

    @Test
    void badBookingInputIs400() throws Exception {
        long eventTypeId = eventTypeId(api, calcom.teamId(), 30);
        String start = berlin(freshMonday(), 9, 0).toString();
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        many.append("}");
        for (String body : List.of(
                "{\"start\":\"" + start + "\",\"eventTypeId\":" + eventTypeId + "}",
                "{\"start\":\"tomorrow\",\"eventTypeId\":" + eventTypeId + ",\"attendee\":{\"name\":\"A\",\"email\":\"a@b.c\",\"timeZone\":\"UTC\"}}",
                "{\"start\":\"" + start + "\",\"eventTypeId\":" + eventTypeId + ",\"attendee\":{\"name\":\"A\",\"email\":\"a@b.c\",\"timeZone\":\"UTC\"},\"metadata\":" + many + "}",
                "{\"start\":\"" + start + "\",\"eventTypeId\":" + eventTypeId + ",\"attendee\":{\"name\":\"A\",\"email\":\"a@b.c\",\"timeZone\":\"UTC\"},\"lengthInMinutes\":45}",
                "{\"start\":\"" + start + "\",\"eventTypeId\":" + eventTypeId + ",\"attendee\":{\"name\":\"A\",\"email\":\"a@b.c\",\"timeZone\":\"Mars/Base\"}}")) {
            HttpResponse<String> refused = api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(map(json(refused).get("error"))).containsEntry("code", "BadRequestException");
        }
    }

    @Test
    void cancelAnswers200AndFreesTheSlot() throws Exception {
        long eventTypeId = eventTypeId(api, calcom.teamId(), 30);
        Instant start = berlin(freshMonday(), 15, 0);
        String uid = (String) data(api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(eventTypeId, start,
                "cancel@candidate.test"))).get("uid");
        HttpResponse<String> cancelled = api.post("/v2/bookings/" + uid + "/cancel", LocalCalcom.BOOKINGS_API_VERSION,
                "{\"cancellationReason\":\"Position filled\"}");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(data(cancelled)).containsEntry("status", "cancelled").containsEntry("cancellationReason", "Position filled");
        assertThat(api.post("/v2/bookings/" + uid + "/cancel", LocalCalcom.BOOKINGS_API_VERSION, "{}").statusCode()).isEqualTo(400);
        assertThat(api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(eventTypeId, start, "next@candidate.test"))
                .statusCode()).isEqualTo(201);
    }

    @Test
    void theKeyOwnersBookingIsCancelledOnlyWithAReasonAsOnCalcom() throws Exception {
        long eventTypeId = eventTypeId(api, calcom.teamId(), 30);
        String uid = (String) data(api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(eventTypeId,
                berlin(freshMonday(), 16, 0), "no-reason@candidate.test"))).get("uid");

        for (String body : List.of("{}", "{\"cancellationReason\":\"  \"}")) {
            HttpResponse<String> refused = api.post("/v2/bookings/" + uid + "/cancel", LocalCalcom.BOOKINGS_API_VERSION, body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(map(json(refused).get("error"))).containsEntry("code", "BadRequestException")
                    .containsEntry("message", "Cancellation reason is required when you are the host");
        }
        assertThat(api.post("/v2/bookings/" + uid + "/cancel", LocalCalcom.BOOKINGS_API_VERSION, "{\"cancellationReason\":\"Filled\"}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void rescheduleAnswers201WithANewUidThatNamesTheOldOneAndKeepsTheIcsUid() throws Exception {
        long eventTypeId = eventTypeId(api, calcom.teamId(), 30);
        LocalDate monday = freshMonday();
        Map<String, Object> original = data(api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(eventTypeId,
                berlin(monday, 9, 0), "move@candidate.test")));
        Instant newStart = berlin(monday.plusDays(1), 13, 0);
        HttpResponse<String> moved = api.post("/v2/bookings/" + original.get("uid") + "/reschedule", LocalCalcom.BOOKINGS_API_VERSION,
                "{\"start\":\"" + newStart + "\",\"reschedulingReason\":\"Clash\"}");
        assertThat(moved.statusCode()).isEqualTo(201);
        Map<String, Object> booking = data(moved);
        assertThat(booking.get("uid")).isNotEqualTo(original.get("uid"));
        assertThat(booking).containsEntry("rescheduledFromUid", original.get("uid")).containsEntry("icsUid", original.get("icsUid"))
                .containsEntry("status", "accepted").containsEntry("reschedulingReason", "Clash");
        assertThat(OffsetDateTime.parse((String) booking.get("start")).toInstant()).isEqualTo(newStart);
        Map<String, Object> old = data(api.get("/v2/bookings/" + original.get("uid"), LocalCalcom.BOOKINGS_API_VERSION));
        assertThat(old).containsEntry("status", "cancelled").containsEntry("rescheduledToUid", booking.get("uid"));
        assertThat(api.post("/v2/bookings/" + original.get("uid") + "/reschedule", LocalCalcom.BOOKINGS_API_VERSION,
                "{\"start\":\"" + berlin(monday.plusDays(2), 13, 0) + "\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void bookingsAreListedByCreationForTheTeamAPageAtATimeWithCalcomsPagination() throws Exception {
        long eventTypeId = eventTypeId(api, calcom.teamId(), 30);
        LocalDate monday = freshMonday();
        Instant before = Instant.now().minusMillis(1);
        List<Object> uids = new java.util.ArrayList<>();
        for (int hour : List.of(9, 10, 11)) {
            uids.add(data(api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(eventTypeId, berlin(monday, hour, 0),
                    "listed" + hour + "@candidate.test"))).get("uid"));
            Thread.sleep(5);
        }
        String query = "/v2/bookings?teamId=" + calcom.teamId() + "&afterCreatedAt=" + before + "&sortCreated=asc&take=2";
        HttpResponse<String> first = api.get(query, LocalCalcom.BOOKINGS_API_VERSION);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(dataList(first).stream().map(b -> b.get("uid")).toList()).isEqualTo(uids.subList(0, 2));
        assertThat(map(json(first).get("pagination"))).containsEntry("totalItems", 3L).containsEntry("returnedItems", 2L)
                .containsEntry("remainingItems", 1L).containsEntry("hasNextPage", true).containsEntry("hasPreviousPage", false);
        HttpResponse<String> second = api.get(query + "&skip=2", LocalCalcom.BOOKINGS_API_VERSION);
        assertThat(dataList(second).stream().map(b -> b.get("uid")).toList()).isEqualTo(uids.subList(2, 3));
        assertThat(map(json(second).get("pagination"))).containsEntry("hasNextPage", false).containsEntry("hasPreviousPage", true);
        assertThat(dataList(second).get(0)).containsKeys("createdAt", "icsUid", "status", "attendees", "hosts");

        String newestFirst = "/v2/bookings?teamId=" + calcom.teamId() + "&afterCreatedAt=" + before + "&sortCreated=desc";
        assertThat(dataList(api.get(newestFirst, LocalCalcom.BOOKINGS_API_VERSION)).get(0).get("uid")).isEqualTo(uids.get(2));
        assertThat(dataList(api.get("/v2/bookings?teamId=" + calcom.teamId() + "&afterCreatedAt=" + Instant.now().plusSeconds(60),
                LocalCalcom.BOOKINGS_API_VERSION))).isEmpty();

        for (String bad : List.of("sortCreated=sideways", "afterCreatedAt=yesterday", "take=251", "teamId=x")) {
            assertThat(api.get("/v2/bookings?" + bad, LocalCalcom.BOOKINGS_API_VERSION).statusCode()).as(bad).isEqualTo(400);
        }
        assertThat(api.get("/v2/bookings?teamId=" + calcom.teamId(), null).statusCode()).isEqualTo(400);
    }
}
