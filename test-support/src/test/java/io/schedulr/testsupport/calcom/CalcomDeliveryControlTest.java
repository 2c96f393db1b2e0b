package io.schedulr.testsupport.calcom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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

/** The control API's delivery knobs do what they say: duplicate, replay, corrupt, hold and release in reverse. */
class CalcomDeliveryControlTest {
    private static final String KEY = CalcomSettings.developmentKey();
    private static final String SECRET = "whsec-control-" + System.nanoTime();
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

    private String book(LocalDate day, int hour, String email) throws Exception {
        return (String) data(api.post("/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, bookingJson(eventTypeId, berlin(day, hour, 0), email)))
                .get("uid");
    }

    @Test
    void duplicateAndReplaySendTheSameBytesAndSignatureAgain() throws Exception {
        String uid = book(freshMonday(), 9, "dup@candidate.test");
        WebhookReceiver.Received original = receiver.next("BOOKING_CREATED");
        Object id = deliveryId(uid);
        assertThat(api.control("deliveries/" + id + "/duplicate", "{\"copies\":2}").statusCode()).isEqualTo(200);
        assertThat(api.control("deliveries/" + id + "/replay", "{}").statusCode()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            WebhookReceiver.Received again = receiver.next();
            assertThat(again.body()).isEqualTo(original.body());
            assertThat(again.signature()).isEqualTo(original.signature());
        }
        assertThat(CalcomWebhookContractTest.verifies(original, SECRET)).isTrue();
    }

    @Test
    void aCorruptedDeliveryDiffersByOneByteAndNoLongerVerifies() throws Exception {
        String uid = book(freshMonday(), 10, "corrupt@candidate.test");
        WebhookReceiver.Received original = receiver.next("BOOKING_CREATED");
        assertThat(api.control("deliveries/" + deliveryId(uid) + "/corrupt", "{}").statusCode()).isEqualTo(200);
        WebhookReceiver.Received corrupted = receiver.next();
        assertThat(corrupted.signature()).isEqualTo(original.signature());
        assertThat(CalcomWebhookContractTest.verifies(corrupted, SECRET)).isFalse();
        assertThat(corrupted.body()).hasSameSizeAs(original.body());
        int differing = 0;
        for (int i = 0; i < original.body().length; i++) {
            differing += original.body()[i] == corrupted.body()[i] ? 0 : 1;
        }
        assertThat(differing).isEqualTo(1);
        assertThat(json(corrupted.text())).containsKey("payload");
    }

    @Test
    void heldDeliveriesAreReleasedInReverseOrder() throws Exception {
        assertThat(api.control("deliveries/hold", "{}").statusCode()).isEqualTo(200);
        LocalDate monday = freshMonday();
        String uid = book(monday, 11, "order@candidate.test");
        api.post("/v2/bookings/" + uid + "/reschedule", LocalCalcom.BOOKINGS_API_VERSION, "{\"start\":\"" + berlin(monday, 12, 0) + "\"}");
        assertThat(receiver.poll(300)).as("nothing while held").isNull();
        var released = api.control("deliveries/release", "{\"order\":\"reverse\"}");
        assertThat(released.statusCode()).isEqualTo(200);
        List<String> triggers = new ArrayList<>();
        triggers.add((String) json(receiver.next().text()).get("triggerEvent"));
        triggers.add((String) json(receiver.next().text()).get("triggerEvent"));
        assertThat(triggers).containsExactly("BOOKING_RESCHEDULED", "BOOKING_CREATED");
    }

    @Test
    void theDeliveriesListShowsEachAttempt() throws Exception {
        String uid = book(freshMonday(), 13, "list@candidate.test");
        receiver.next("BOOKING_CREATED");
        Map<String, Object> delivery = finishedDelivery(uid);
        assertThat(delivery).containsEntry("state", "delivered").containsEntry("triggerEvent", "BOOKING_CREATED")
                .containsEntry("subscriberUrl", receiver.url()).containsKeys("id", "signature", "body", "attempts");
        assertThat(list(delivery.get("attempts"))).singleElement().satisfies(a -> assertThat(map(a)).containsEntry("status", 200L));
    }

    private static Object deliveryId(String uid) throws Exception {
        return finishedDelivery(uid).get("id");
    }

    private static Map<String, Object> finishedDelivery(String uid) throws Exception {
        for (int i = 0; i < 50; i++) {
            List<Object> all = list(json("{\"d\":" + api.control("deliveries", null).body() + "}").get("d"));
            for (Object d : all) {
                Map<String, Object> delivery = map(d);
                if (((String) delivery.get("body")).contains(uid) && "original".equals(delivery.get("kind"))
                        && Arrays.asList("delivered", "failed", "rejected").contains(delivery.get("state"))) {
                    return delivery;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no finished delivery for " + uid);
    }
}
