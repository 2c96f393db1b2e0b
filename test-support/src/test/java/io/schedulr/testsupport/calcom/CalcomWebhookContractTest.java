package io.schedulr.testsupport.calcom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.schedulr.testsupport.calcom.CalcomApiContractTest.berlin;
import static io.schedulr.testsupport.calcom.CalcomApiContractTest.bookingJson;
import static io.schedulr.testsupport.calcom.CalcomApiContractTest.eventTypeId;
import static io.schedulr.testsupport.calcom.CalcomApiContractTest.freshMonday;
import static io.schedulr.testsupport.calcom.CalcomHttp.data;
import static io.schedulr.testsupport.calcom.CalcomHttp.json;
import static io.schedulr.testsupport.calcom.CalcomHttp.list;
import static io.schedulr.testsupport.calcom.CalcomHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Webhooks as Cal.com sends them, received by a plain JDK HTTP server and verified the way a subscriber must. */
class CalcomWebhookContractTest {
    private static final String KEY = CalcomSettings.developmentKey();
    private static final String SECRET = "whsec-local-" + System.nanoTime();
    private static WebhookReceiver receiver;
    private static LocalCalcom calcom;
    private static CalcomHttp api;
    private static long eventTypeId;

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver();
        calcom = LocalCalcom.start(0, CalcomSettings.defaults(KEY).withWebhook(receiver.url(), SECRET).withRetryDelay(Duration.ofMillis(100)));
        api = new CalcomHttp(calcom, KEY);
        eventTypeId = eventTypeId(api, calcom.teamId(), 30);
    }

    @AfterAll
    static void stop() {
        calcom.close();
        receiver.close();
    }

    @BeforeEach
    void empty() {
        receiver.clear();
    }

    static boolean verifies(WebhookReceiver.Received received, String secret) {
        return WebhookSignature.sign(secret, received.body()).equals(received.signature());
    }

    @Test
    void theSignatureMatchesTheTestVectorOfInteropNotes() {
        byte[] body = "{\"triggerEvent\":\"PING\",\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.sign("test-secret", body)).isEqualTo("80bec280bd71f16857b1b75c470c1ea8e1cc88c1c36bec11750526a29783427a");
        assertThat(WebhookSignature.sign(null, body)).isEqualTo("no-secret-provided");
    }

    @Test
    void aSubscriptionMadeThroughTheApiIsPingedSignedWithItsSecret() throws Exception {
        var created = api.post("/v2/webhooks", null, "{\"active\":true,\"subscriberUrl\":\"" + receiver.url()
                + "\",\"triggers\":[\"BOOKING_CREATED\"],\"secret\":\"api-secret\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(data(created)).containsKeys("payloadTemplate", "triggers", "version", "userId", "id", "subscriberUrl", "active")
                .containsEntry("triggers", List.of("BOOKING_CREATED"));
        WebhookReceiver.Received ping = receiver.next("PING");
        assertThat(ping.contentType()).isEqualTo("application/json");
        assertThat(verifies(ping, "api-secret")).isTrue();
        assertThat(json(ping.text())).containsKeys("triggerEvent", "createdAt", "payload");
        assertThat(api.get("/v2/webhooks", null).statusCode()).isEqualTo(200);
        assertThat(calcomDelete(data(created).get("id"))).isEqualTo(200);
    }

    private static int calcomDelete(Object id) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(calcom.url() + "/v2/webhooks/" + id)).header("Authorization", "Bearer " + KEY).DELETE().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aSubscriptionWithoutSecretIsSignedNoSecretProvided() throws Exception {
        var created = api.post("/v2/webhooks", null, "{\"active\":true,\"subscriberUrl\":\"" + receiver.url() + "\",\"triggers\":[\"MEETING_ENDED\"]}");
        assertThat(receiver.next("PING").signature()).isEqualTo("no-secret-provided");
        assertThat(calcomDelete(data(created).get("id"))).isEqualTo(200);
    }

    @Test
    void bookingCreatedCarriesCalcomsPayloadSignedOverTheExactBytes() throws Exception {
        Instant start = berlin(freshMonday(), 10, 0);
        Map<String, Object> booking = data(api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(eventTypeId, start,
                "hook@candidate.test")));
        WebhookReceiver.Received received = receiver.next("BOOKING_CREATED");
        assertThat(verifies(received, SECRET)).isTrue();
        assertThat(received.contentType()).isEqualTo("application/json");
        Map<String, Object> body = json(received.text());
        assertThat(body).containsOnlyKeys("triggerEvent", "createdAt", "payload");
        assertThat((String) body.get("createdAt")).endsWith("Z");
        Map<String, Object> payload = map(body.get("payload"));
        assertThat(payload).containsEntry("uid", booking.get("uid")).containsEntry("bookingId", booking.get("id"))
                .containsEntry("iCalUID", booking.get("icsUid")).containsEntry("iCalSequence", 0L).containsEntry("status", "ACCEPTED")
                .containsEntry("eventTypeId", eventTypeId).containsEntry("type", "interview-30")
                .containsKeys("title", "startTime", "endTime", "organizer", "attendees", "responses", "location", "metadata", "length");
        assertThat((String) payload.get("startTime")).endsWith("Z");
        assertThat(OffsetDateTime.parse((String) payload.get("startTime")).toInstant()).isEqualTo(start);
        assertThat(map(payload.get("metadata"))).containsEntry("interviewId", "iv-42");
        assertThat(map(payload.get("organizer"))).containsEntry("email", "ada.host@schedulr.test").containsKeys("timeZone", "utcOffset", "language");
        assertThat(list(payload.get("attendees"))).extracting(a -> map(a).get("email")).contains("hook@candidate.test", "observer@partner.test");
    }

    @Test
    void aRescheduleArrivesAsBookingRescheduledWithTheOldUidTheSameIcalUidAndAHigherSequence() throws Exception {
        LocalDate monday = freshMonday();
        Map<String, Object> original = data(api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(eventTypeId,
                berlin(monday, 11, 0), "resched@candidate.test")));
        receiver.next("BOOKING_CREATED");
        Map<String, Object> moved = data(api.post("/v2/bookings/" + original.get("uid") + "/reschedule", LocalCalcom.BOOKINGS_API_VERSION,
                "{\"start\":\"" + berlin(monday, 12, 0) + "\"}"));
        Map<String, Object> payload = map(json(receiver.next("BOOKING_RESCHEDULED").text()).get("payload"));
        assertThat(payload).containsEntry("uid", moved.get("uid")).containsEntry("rescheduleUid", original.get("uid"))
                .containsEntry("iCalUID", original.get("icsUid")).containsEntry("iCalSequence", 1L).containsEntry("status", "ACCEPTED")
                .containsKeys("rescheduleStartTime", "rescheduleEndTime", "rescheduleId");
    }

    @Test
    void cancellationsArriveWithPlusZeroOffsetTimesAndRequestRescheduleTellsTheTwoApart() throws Exception {
        LocalDate monday = freshMonday();
        String first = (String) data(api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(eventTypeId,
                berlin(monday, 13, 0), "c1@candidate.test"))).get("uid");
        String second = (String) data(api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(eventTypeId,
                berlin(monday, 14, 0), "c2@candidate.test"))).get("uid");
        api.post("/v2/bookings/" + first + "/cancel", LocalCalcom.BOOKINGS_API_VERSION, "{\"cancellationReason\":\"No longer needed\"}");
        Map<String, Object> cancelled = map(json(receiver.next("BOOKING_CANCELLED").text()).get("payload"));
        assertThat(cancelled).containsEntry("uid", first).containsEntry("status", "CANCELLED").containsEntry("requestReschedule", false)
                .containsEntry("cancellationReason", "No longer needed")
                .as("Cal.com's handleCancelBooking: the booking's iCalSequence + 1").containsEntry("iCalSequence", 1L);
        assertThat((String) cancelled.get("startTime")).endsWith("+00:00");

        assertThat(api.control("bookings/" + second + "/request-reschedule", "{\"reason\":\"Host is ill\"}").statusCode()).isEqualTo(200);
        Map<String, Object> requested = map(json(receiver.next("BOOKING_CANCELLED").text()).get("payload"));
        assertThat(requested).containsEntry("uid", second).containsEntry("requestReschedule", true).containsEntry("cancellationReason", "Host is ill")
                .containsEntry("iCalSequence", 1L);

        // the attendee then picks a new time on Cal.com's page
        var picked = api.control("bookings/" + second + "/reschedule", "{\"start\":\"" + berlin(monday.plusDays(1), 9, 0) + "\"}");
        assertThat(picked.statusCode()).isEqualTo(200);
        assertThat(map(json(receiver.next("BOOKING_RESCHEDULED").text()).get("payload"))).containsEntry("rescheduleUid", second)
                .containsEntry("rescheduledBy", "c2@candidate.test");
    }

    @Test
    void aBookingThatNeedsItsHostsConfirmationIsRequestedThenCreatedOrRejected() throws Exception {
        var type = api.control("event-types", "{\"slug\":\"confirm-" + System.nanoTime() + "\",\"title\":\"Needs confirmation\","
                + "\"lengthInMinutes\":30,\"teamId\":" + calcom.teamId() + ",\"requiresConfirmation\":true}");
        assertThat(type.statusCode()).isEqualTo(200);
        long confirmType = ((Number) json(type.body()).get("id")).longValue();
        LocalDate monday = freshMonday();
        String confirmed = (String) data(api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(confirmType,
                berlin(monday, 9, 0), "wait1@candidate.test"))).get("uid");
        String declined = (String) data(api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(confirmType,
                berlin(monday, 10, 0), "wait2@candidate.test"))).get("uid");
        assertThat(map(json(receiver.next("BOOKING_REQUESTED").text()).get("payload"))).containsEntry("uid", confirmed)
                .containsEntry("status", "PENDING").containsEntry("requiresConfirmation", true);
        receiver.next("BOOKING_REQUESTED");
        assertThat(data(api.get("/v2/bookings/" + confirmed, LocalCalcom.BOOKINGS_API_VERSION))).containsEntry("status", "pending");
        assertThat(receiver.poll(300)).as("no creation before a host confirms").isNull();

        assertThat(api.control("bookings/" + confirmed + "/confirm", "{}").statusCode()).isEqualTo(200);
        assertThat(map(json(receiver.next("BOOKING_CREATED").text()).get("payload"))).containsEntry("uid", confirmed)
                .containsEntry("status", "ACCEPTED");
        assertThat(api.control("bookings/" + declined + "/decline", "{\"reason\":\"The panel is full\"}").statusCode()).isEqualTo(200);
        assertThat(map(json(receiver.next("BOOKING_REJECTED").text()).get("payload"))).containsEntry("uid", declined)
                .containsEntry("status", "REJECTED").containsEntry("rejectionReason", "The panel is full").containsEntry("iCalSequence", 0L);
        assertThat(data(api.get("/v2/bookings/" + declined, LocalCalcom.BOOKINGS_API_VERSION))).containsEntry("status", "rejected");
        assertThat(api.control("bookings/" + declined + "/confirm", "{}").statusCode()).as("decided already").isEqualTo(400);
    }

    @Test
    void aFailingSubscriberGetsAtMostThreeAttempts() throws Exception {
        receiver.failNext(5);
        String uid = (String) data(api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(eventTypeId,
                berlin(freshMonday(), 16, 0), "retry@candidate.test"))).get("uid");
        for (int i = 0; i < 3; i++) {
            assertThat(json(receiver.next().text())).containsEntry("triggerEvent", "BOOKING_CREATED");
        }
        assertThat(receiver.poll(500)).as("no fourth attempt").isNull();
        receiver.failNext(0);
        Map<String, Object> delivery = deliveryOf(uid);
        assertThat(delivery).containsEntry("state", "failed");
        assertThat(list(delivery.get("attempts"))).hasSize(3).allSatisfy(a -> assertThat(map(a)).containsEntry("status", 500L));
    }

    static Map<String, Object> deliveryOf(String uid) throws Exception {
        for (int i = 0; i < 50; i++) {
            for (Object d : list(json("{\"d\":" + api.control("deliveries", null).body() + "}").get("d"))) {
                Map<String, Object> delivery = map(d);
                String state = (String) delivery.get("state");
                if (((String) delivery.get("body")).contains(uid) && !state.equals("pending") && !state.equals("sending")) {
                    return delivery;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no finished delivery for " + uid);
    }
}
