package io.schedulr.scheduling.video;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@TestProfile(DailyProfile.class)
class DailyVideoRoomTest {
    private final TestUser host = Tokens.newUser("Daily Host", "UTC");
    @ConfigProperty(name = "quarkus.rest-client.daily.url")
    String daily;

    private io.restassured.response.ValidatableResponse create(boolean privateRoom) {
        return given().header("Authorization", host.bearer()).contentType(ContentType.JSON)
                .body(Map.of("datetimeUtc", Instant.now().plus(2, ChronoUnit.DAYS).toString(), "private", privateRoom))
                .post("/api/practice-room/create").then();
    }

    @Test
    void createsTheRoomOnDailyWithTheConfiguredKey() {
        FakeDaily.script(daily);
        var created = create(true).statusCode(201).body("roomUrl", startsWith("https://schedulr.daily.co/schedulr-")).extract();
        String id = created.path("id");
        String name = created.<String>path("roomUrl").substring("https://schedulr.daily.co/".length());
        assertThat(FakeDaily.requests(daily)).hasSize(1);
        FakeDaily.Request request = FakeDaily.requests(daily).get(0);
        assertThat(request.method() + " " + request.path()).isEqualTo("POST /v1/rooms");
        assertThat(request.authorization()).isEqualTo("Bearer test-daily-key");
        assertThat(request.contentType()).startsWith("application/json");
        // public on Daily and never expiring there, though private here: the URL is given to the two people alone, and a
        // private Daily room would let nobody in without a meeting token (nor one that expired at its first time after a move)
        assertThat(request.body()).contains("\"privacy\":\"public\"", "\"name\":\"" + name + "\"").doesNotContain("exp");
        // everyone the room is listed for sees its id: its public Daily room's name must not be made from the id alone
        assertThat(name).doesNotContain(id).doesNotContain(id.replace("-", "")).hasSize("schedulr-".length() + 32);
        assertThat(create(true).statusCode(201).extract().<String>path("roomUrl")).as("another room, another name")
                .isNotEqualTo("https://schedulr.daily.co/" + name);
    }

    @Test
    void anOfferTheRoomCannotMakeIsRefusedBeforeADailyRoomIsMade() {
        FakeDaily.script(daily);
        TestUser someone = Tokens.newUser("Daily Someone", "UTC");
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON)
                .body(Map.of("datetimeUtc", Instant.now().plus(2, ChronoUnit.DAYS).toString(), "private", false, "offerTo", someone.id()))
                .post("/api/practice-room/create").then().statusCode(400).body("code", equalTo("offer_needs_private_room"));
        assertThat(FakeDaily.requests(daily)).isEmpty();
    }

    @Test
    void theLosersOfASlotRaceGiveTheirDailyRoomsBack() throws Exception {
        FakeDaily.script(daily);
        FakeDaily.delayCreation(daily, 400);
        Instant start = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String slot = given().header("Authorization", host.bearer()).contentType(ContentType.JSON)
                .body("{\"startTs\":\"" + start + "\",\"endTs\":\"" + start.plus(1, ChronoUnit.HOURS) + "\"}")
                .post("/api/slots").then().statusCode(201).extract().path("[0].id");
        java.util.List<TestUser> guests = java.util.stream.IntStream.range(0, 4).mapToObj(i -> Tokens.newUser("Racer " + i, "UTC")).toList();

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(guests.size());
        java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (TestUser guest : guests) {
            answers.add(pool.submit(() -> given().header("Authorization", guest.bearer()).post("/api/slots/" + slot + "/book").statusCode()));
        }
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        String bookedRoom = given().header("Authorization", host.bearer()).get("/api/slots?mine=true&status=booked").then().statusCode(200)
                .extract().path("find { it.id == '" + slot + "' }.roomId");
        String bookedName = given().header("Authorization", host.bearer()).get("/api/practice-rooms/" + bookedRoom).then().statusCode(200)
                .extract().<String>path("roomUrl").substring("https://schedulr.daily.co/".length());
        java.util.List<String> created = FakeDaily.requests(daily).stream().filter(r -> r.method().equals("POST")).map(FakeDaily.Request::body)
                .map(body -> body.replaceAll(".*\"name\":\"([^\"]+)\".*", "$1")).toList();
        java.util.List<String> deleted = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                FakeDaily.requests(daily).stream().filter(r -> r.method().equals("DELETE")).map(r -> r.path().substring("/v1/rooms/".length()))
                        .toList(), d -> d.size() == created.size() - 1);
        assertThat(created).hasSize(guests.size()).contains(bookedName).doesNotContain("schedulr-" + bookedRoom);
        assertThat(deleted).doesNotContain(bookedName).allMatch(created::contains).doesNotHaveDuplicates();
        assertThat(FakeDaily.requests(daily).stream().filter(r -> r.method().equals("DELETE")))
                .allMatch(r -> r.authorization().equals("Bearer test-daily-key"));
    }

    /**
     * Booking a slot checks the guest's commitments, then makes the video room, then books: a room the same guest booked
     * over the same time while Daily was answering is seen by the second, held look in the booking's transaction — the slot
     * is refused and its video room given back, instead of the guest being booked twice.
     */
    @Test
    void aRoomTheGuestBookedWhileTheSlotsVideoRoomWasMadeStopsTheSlotBooking() throws Exception {
        FakeDaily.script(daily);
        Instant start = Instant.now().plus(33, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        TestUser guest = Tokens.newUser("Double Guest", "UTC");
        TestUser roomHost = Tokens.newUser("Room Host", "UTC");
        String room = given().header("Authorization", roomHost.bearer()).contentType(ContentType.JSON)
                .body(Map.of("datetimeUtc", start.plus(30, ChronoUnit.MINUTES).toString())).post("/api/practice-room/create")
                .then().statusCode(201).extract().path("id");
        String slot = given().header("Authorization", host.bearer()).contentType(ContentType.JSON)
                .body("{\"startTs\":\"" + start + "\",\"endTs\":\"" + start.plus(1, ChronoUnit.HOURS) + "\"}")
                .post("/api/slots").then().statusCode(201).extract().path("[0].id");
        int before = FakeDaily.requests(daily).size();
        FakeDaily.delayCreation(daily, 3000);

        java.util.concurrent.CompletableFuture<io.restassured.response.Response> slotBooking = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> given().header("Authorization", guest.bearer()).post("/api/slots/" + slot + "/book"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> FakeDaily.requests(daily).size() > before);
        given().header("Authorization", guest.bearer()).contentType(ContentType.JSON)
                .body("{\"roomId\":\"" + room + "\",\"guestId\":null}").post("/api/practice-room/update").then().statusCode(200);

        io.restassured.response.Response refused = slotBooking.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("code")).isEqualTo("calendar_conflict");
        given().header("Authorization", host.bearer()).get("/api/slots?mine=true&status=open").then().statusCode(200)
                .body("find { it.id == '" + slot + "' }.status", equalTo("open"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                FakeDaily.requests(daily).stream().skip(before).anyMatch(r -> r.method().equals("DELETE")));
    }

    @Test
    void retriesRateLimitsAndServerErrorsWithBackoff() {
        FakeDaily.script(daily, 429, 503, 500);
        create(false).statusCode(201).body("roomUrl", startsWith("https://schedulr.daily.co/"));
        assertThat(FakeDaily.requests(daily)).hasSize(4);
    }

    @Test
    void aRefusedKeyFailsFastWith502AndSavesNothing() {
        FakeDaily.script(daily, 401);
        create(false).statusCode(502).body("code", equalTo("video_provider_unavailable"));
        assertThat(FakeDaily.requests(daily)).hasSize(1);
        given().header("Authorization", host.bearer()).get("/api/practice-rooms?scope=mine").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void givesUpAfterRepeatedOutagesWith502() {
        FakeDaily.script(daily, 503, 503, 503, 503, 503, 503);
        create(false).statusCode(502).body("code", equalTo("video_provider_unavailable"));
        assertThat(FakeDaily.requests(daily)).hasSize(5);
    }
}
