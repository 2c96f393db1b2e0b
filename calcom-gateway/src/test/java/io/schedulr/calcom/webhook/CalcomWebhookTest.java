package io.schedulr.calcom.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.schedulr.calcom.domain.WebhookSignature;
import io.schedulr.events.BookingEvent;
import io.schedulr.events.BookingEventType;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.Topics;
import io.schedulr.testsupport.LogCapture;
import io.schedulr.testsupport.Metrics;
import io.schedulr.testsupport.OpenApiErrors.Seen;
import io.schedulr.testsupport.RecentSpans;
import io.schedulr.testsupport.TopicProbe;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Cal.com's webhooks end to end: a local Cal.com (test-support) books, reschedules, cancels and plays with deliveries
 * over HTTP; its signed webhooks reach this service's {@code POST /webhooks/calcom}; what comes out is read from the
 * real Kafka topic and the real database.
 */
@QuarkusTest
public class CalcomWebhookTest {
    private static final Seen FORGED = new Seen("POST", "/webhooks/calcom", 401, "invalid_signature");
    private static final Seen UNREADABLE = new Seen("POST", "/webhooks/calcom", 400, "invalid_webhook");

    /** The error answers this test sees, for the OpenAPI document's check (OpenApiDocumentTest). */
    public static List<Seen> errorAnswers() {
        return List.of(FORGED, UNREADABLE);
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static LocalCalcomDriver calcom;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    RecentSpans spans;

    private TopicProbe topic;

    static String[] secrets() {
        return ConfigProvider.getConfig().getValue("calcom.webhook.secrets", String.class).split(",");
    }

    static String oldSecret() {
        return secrets()[0];
    }

    static String newSecret() {
        return secrets()[1];
    }

    static String webhookUrl() {
        return "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class) + "/webhooks/calcom";
    }

    @BeforeEach
    void start() throws Exception {
        if (calcom == null) {
            calcom = LocalCalcomDriver.start(webhookUrl(), newSecret());
        }
        topic = TopicProbe.fromNow(Topics.CALCOM_BOOKINGS);
    }

    @AfterEach
    void closeProbe() {
        topic.close();
    }

    @AfterAll
    static void stop() {
        if (calcom != null) {
            calcom.close();
            calcom = null;
        }
    }

    private List<CloudEvent<BookingEvent>> events(String icsUid, int count) {
        return ReadBack.bookingEvents(topic, icsUid, count, WAIT);
    }

    private List<ConsumerRecord<String, String>> nothingMore(String icsUid) {
        return topic.collect(r -> icsUid.equals(r.key()), Duration.ofSeconds(6));
    }

    private long count(String sql, String value) throws Exception {
        return ReadBack.rows(dataSource, sql, value);
    }

    private void awaitSettled(long deliveryId) {
        await().atMost(WAIT).until(() -> {
            String state = calcom.delivery(deliveryId).get("state").asText();
            return !state.equals("pending") && !state.equals("sending") && !state.equals("held");
        });
    }

    @Test
    void aBookingMadeOnCalcomArrivesAsOneCreatedEventKeyedByItsIcalUid() throws Exception {
        Instant start = LocalCalcomDriver.freshSlot();
        JsonNode booking = calcom.book(start, "created@candidate.test");
        String ics = booking.get("icsUid").asText();
        String uid = booking.get("uid").asText();

        CloudEvent<BookingEvent> event = events(ics, 1).get(0);

        assertThat(event.type()).isEqualTo(BookingEventType.BOOKING_CREATED.cloudEventType());
        assertThat(event.subject()).isEqualTo(ics);
        assertThat(event.source()).isEqualTo("/calcom-gateway");
        BookingEvent data = event.data();
        assertThat(data.uid()).isEqualTo(uid);
        assertThat(data.icalUid()).isEqualTo(ics);
        assertThat(data.sequence()).isZero();
        assertThat(data.start()).isEqualTo(start);
        assertThat(data.end()).isEqualTo(start.plus(Duration.ofMinutes(30)));
        assertThat(data.status()).isEqualTo("accepted");
        assertThat(data.organizer().email()).isEqualTo("ada.host@schedulr.test");
        assertThat(data.attendees()).extracting(a -> a.email()).contains("created@candidate.test", "observer@partner.test");
        assertThat(data.metadata()).containsEntry("interviewId", "iv-42");
        assertThat(count("SELECT count(*) FROM webhook_delivery WHERE dedup_key = ? AND outcome = 'published'",
                "BOOKING_CREATED:" + uid + ":0")).as("the delivery is kept for audit").isEqualTo(1);
    }

    @Test
    void anOutboxRowKafkaRefusesForGoodIsSetAsideAndLaterEventsStillGoOut() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        // 2 MB: over the producer's max.request.size (1 MB), so Kafka refuses it whatever the relay does.
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO outbox "
                + "(event_id, topic, message_key, event_type, payload) VALUES (?, ?, ?, 'io.schedulr.calcom.booking.created.v1', "
                + "repeat('x', 2000000))")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, Topics.CALCOM_BOOKINGS);
            s.setString(3, poisonKey);
            s.executeUpdate();
        }

        JsonNode booking = calcom.book(LocalCalcomDriver.freshSlot(), "after-poison@candidate.test");

        assertThat(events(booking.get("icsUid").asText(), 1)).hasSize(1);
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM outbox WHERE message_key = ? AND set_aside_at IS NOT NULL", poisonKey) == 1);
        assertThat(count("SELECT count(*) FROM outbox WHERE message_key = ? AND set_aside_reason LIKE 'RecordTooLargeException%'", poisonKey))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox WHERE message_key = ? AND published_at IS NOT NULL", poisonKey)).isZero();
    }

    @Test
    void aRescheduleMapsTheOldUidToTheNewOneOnTheSameMeetingKey() throws Exception {
        JsonNode booking = calcom.book(LocalCalcomDriver.freshSlot(), "moved@candidate.test");
        String ics = booking.get("icsUid").asText();
        String oldUid = booking.get("uid").asText();
        events(ics, 1);
        Instant newStart = LocalCalcomDriver.freshSlot();

        JsonNode moved = calcom.control("bookings/" + oldUid + "/reschedule",
                "{\"start\":\"" + newStart + "\",\"reschedulingReason\":\"Clash\",\"by\":\"attendee\"}");

        CloudEvent<BookingEvent> event = events(ics, 2).get(1);
        assertThat(event.type()).isEqualTo(BookingEventType.BOOKING_RESCHEDULED.cloudEventType());
        assertThat(event.data().previousUid()).isEqualTo(oldUid);
        assertThat(event.data().uid()).isEqualTo(moved.get("uid").asText()).isNotEqualTo(oldUid);
        assertThat(event.data().icalUid()).isEqualTo(ics);
        assertThat(event.data().sequence()).isEqualTo(1);
        assertThat(event.data().start()).isEqualTo(newStart);
        assertThat(event.data().previousStart()).isEqualTo(Instant.parse(booking.get("start").asText()));
        assertThat(event.data().rescheduledBy()).isEqualTo("moved@candidate.test");
    }

    /**
     * Cal.com tells a cancellation at the booking's iCalSequence + 1: it is published at once, with the booking's sequence,
     * and the attendee's new booking (the booking's + 1) follows it.
     */
    @Test
    void aRequestRescheduleArrivesAsAFlaggedCancellation() throws Exception {
        JsonNode booking = calcom.book(LocalCalcomDriver.freshSlot(), "asked@candidate.test");
        String ics = booking.get("icsUid").asText();
        String uid = booking.get("uid").asText();
        events(ics, 1);

        calcom.control("bookings/" + uid + "/request-reschedule", "{\"reason\":\"Panel changed\"}");

        CloudEvent<BookingEvent> event = events(ics, 2).get(1);
        assertThat(event.type()).isEqualTo(BookingEventType.BOOKING_CANCELLED.cloudEventType());
        assertThat(event.data().requestReschedule()).isTrue();
        assertThat(event.data().cancellationReason()).isEqualTo("Panel changed");
        assertThat(event.data().cancelledBy()).isEqualTo("ada.host@schedulr.test");
        assertThat(event.data().status()).isEqualTo("cancelled");
        assertThat(event.data().sequence()).as("the sequence of the booking it cancels").isZero();
        assertThat(count("SELECT count(*) FROM webhook_delivery WHERE dedup_key = ? AND outcome = 'published'", "BOOKING_CANCELLED:" + uid + ":1"))
                .as("published when it came, not held for a predecessor").isEqualTo(1);

        JsonNode picked = calcom.control("bookings/" + uid + "/reschedule",
                "{\"start\":\"" + LocalCalcomDriver.freshSlot() + "\",\"by\":\"attendee\"}");

        List<CloudEvent<BookingEvent>> all = events(ics, 3);
        assertThat(all).extracting(CloudEvent::type).containsExactly(BookingEventType.BOOKING_CREATED.cloudEventType(),
                BookingEventType.BOOKING_CANCELLED.cloudEventType(), BookingEventType.BOOKING_RESCHEDULED.cloudEventType());
        assertThat(all).extracting(e -> e.data().sequence()).containsExactly(0, 0, 1);
        assertThat(all.get(2).data().uid()).isEqualTo(picked.get("uid").asText());
        assertThat(nothingMore(ics)).hasSize(3);
    }

    /**
     * A booking of an event type that needs its host's confirmation: Cal.com sends BOOKING_REQUESTED (announced as the
     * request it is), then BOOKING_CREATED when a host confirms it, or BOOKING_REJECTED when they decline it — the meeting
     * cancelled, with their reason, once the reorder window has passed without a creation before it.
     */
    @Test
    void aBookingThatWaitsForItsHostIsRequestedThenAnnouncedOnceConfirmedAndADeclinedOneIsTheMeetingCancelled() throws Exception {
        long type = calcom.eventTypeNeedingConfirmation();
        JsonNode confirmed = calcom.book(LocalCalcomDriver.freshSlot(), "confirmed@candidate.test", type);
        JsonNode declined = calcom.book(LocalCalcomDriver.freshSlot(), "declined@candidate.test", type);
        CloudEvent<BookingEvent> requested = events(declined.get("icsUid").asText(), 1).get(0);
        assertThat(requested.type()).isEqualTo(BookingEventType.BOOKING_REQUESTED.cloudEventType());
        assertThat(requested.data().status()).isEqualTo("pending");
        assertThat(requested.data().metadata()).containsEntry("interviewId", "iv-42");
        assertThat(events(confirmed.get("icsUid").asText(), 1).get(0).type()).isEqualTo(BookingEventType.BOOKING_REQUESTED.cloudEventType());

        calcom.control("bookings/" + confirmed.get("uid").asText() + "/confirm", "{}");
        calcom.control("bookings/" + declined.get("uid").asText() + "/decline", "{\"reason\":\"The panel is full that week\"}");

        CloudEvent<BookingEvent> created = events(confirmed.get("icsUid").asText(), 2).get(1);
        assertThat(created.type()).isEqualTo(BookingEventType.BOOKING_CREATED.cloudEventType());
        assertThat(created.data().status()).isEqualTo("accepted");
        CloudEvent<BookingEvent> cancelled = events(declined.get("icsUid").asText(), 2).get(1);
        assertThat(cancelled.type()).isEqualTo(BookingEventType.BOOKING_CANCELLED.cloudEventType());
        assertThat(cancelled.data().uid()).isEqualTo(declined.get("uid").asText());
        assertThat(cancelled.data().status()).isEqualTo("rejected");
        assertThat(cancelled.data().cancellationReason()).isEqualTo("The panel is full that week");
        assertThat(cancelled.data().requestReschedule()).isFalse();
    }

    @Test
    void theKafkaRecordContinuesTheTraceOfTheWebhookRequest() throws Exception {
        JsonNode booking = calcom.book(LocalCalcomDriver.freshSlot(), "traced@candidate.test");
        String ics = booking.get("icsUid").asText();

        ConsumerRecord<String, String> record = topic.await(r -> ics.equals(r.key()), 1, WAIT).get(0);
        Header traceparent = record.headers().lastHeader("traceparent");
        assertThat(traceparent).as("traceparent header on the booking record").isNotNull();
        String[] parts = new String(traceparent.value(), StandardCharsets.UTF_8).split("-");

        List<SpanData> trace = spans.awaitTrace(parts[1], t -> t.stream().anyMatch(s -> s.getSpanId().equals(parts[2])), WAIT);
        assertThat(trace).as("the webhook request").anySatisfy(s -> {
            assertThat(s.getKind()).isEqualTo(SpanKind.SERVER);
            assertThat(s.getName()).contains("/webhooks/calcom");
        });
        assertThat(trace).as("the outbox relay's send, whose id the header names").anySatisfy(s -> {
            assertThat(s.getSpanId()).isEqualTo(parts[2]);
            assertThat(s.getKind()).isEqualTo(SpanKind.PRODUCER);
        });
        assertThat(Metrics.count("schedulr_events_published_total", "topic=\"calcom.booking-events.v1\"",
                "type=\"" + BookingEventType.BOOKING_CREATED.cloudEventType() + "\"")).as("published events, by type").isPositive();
        await().atMost(WAIT).until(() -> Metrics.value("schedulr_outbox_backlog") == 0);
        assertThat(Metrics.value("schedulr_outbox_oldest_age_seconds")).as("nothing waits in the outbox").isZero();
    }

    @Test
    void duplicatedAndReplayedDeliveriesHaveOneEffect() throws Exception {
        JsonNode booking = calcom.book(LocalCalcomDriver.freshSlot(), "twice@candidate.test");
        String ics = booking.get("icsUid").asText();
        String uid = booking.get("uid").asText();
        events(ics, 1);
        long original = calcom.deliveryOf("BOOKING_CREATED", uid);

        List<Long> copies = new ArrayList<>();
        calcom.control("deliveries/" + original + "/duplicate", "{\"copies\":2}").forEach(d -> copies.add(d.get("id").asLong()));
        copies.add(calcom.control("deliveries/" + original + "/replay", "{}").get("id").asLong());

        for (long copy : copies) {
            awaitSettled(copy);
            assertThat(calcom.delivery(copy).get("state").asText()).as("a duplicate is answered 2xx, so Cal.com stops").isEqualTo("delivered");
        }
        assertThat(nothingMore(ics)).as("still the one event").hasSize(1);
        assertThat(count("SELECT count(*) FROM webhook_delivery WHERE dedup_key = ? AND outcome = 'duplicate'", "BOOKING_CREATED:" + uid + ":0"))
                .isEqualTo(3);
    }

    @Test
    void reorderedDeliveriesHaveOneEffectEachInMeetingOrder() throws Exception {
        calcom.control("deliveries/hold", "{}");
        String ics;
        try {
            JsonNode booking = calcom.book(LocalCalcomDriver.freshSlot(), "reverse@candidate.test");
            ics = booking.get("icsUid").asText();
            JsonNode moved = calcom.control("bookings/" + booking.get("uid").asText() + "/reschedule",
                    "{\"start\":\"" + LocalCalcomDriver.freshSlot() + "\",\"by\":\"host\"}");
            calcom.control("bookings/" + moved.get("uid").asText() + "/cancel", "{\"cancellationReason\":\"Filled\",\"by\":\"attendee\"}");
        } finally {
            calcom.control("deliveries/release", "{\"order\":\"reverse\"}");
        }

        List<CloudEvent<BookingEvent>> events = events(ics, 3);

        assertThat(events).extracting(CloudEvent::type).containsExactly(BookingEventType.BOOKING_CREATED.cloudEventType(),
                BookingEventType.BOOKING_RESCHEDULED.cloudEventType(), BookingEventType.BOOKING_CANCELLED.cloudEventType());
        assertThat(events).extracting(e -> e.data().sequence()).containsExactly(0, 1, 1);
        assertThat(events.get(2).data().uid()).isEqualTo(events.get(1).data().uid());
        assertThat(nothingMore(ics)).hasSize(3);
        assertThat(count("SELECT count(*) FROM webhook_delivery WHERE outcome = 'held' AND body LIKE ?", "%" + ics + "%"))
                .as("the reschedule and the cancellation came first and waited for the creation").isEqualTo(2);
    }

    /**
     * A held change stored by an earlier version, under a rule this one has since tightened (identifiers with control
     * characters: a rescheduleUid holding a NUL), once failed its meeting's every later delivery and the releaser's every
     * round, for good. Now it is set aside with the reason, and the meeting goes on.
     */
    @Test
    void aHeldChangeThatCanNoLongerBeReadIsSetAsideAndItsMeetingGoesOn() throws Exception {
        String heldKey = "BOOKING_RESCHEDULED:older-" + UUID.randomUUID() + ":1";
        String ics;
        calcom.control("deliveries/hold", "{}");
        try {
            JsonNode booking = calcom.book(LocalCalcomDriver.freshSlot(), "unreadable@candidate.test");
            ics = booking.get("icsUid").asText();
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO held_change "
                    + "(dedup_key, ical_uid, position, change, received_at) VALUES (?, ?, 2, ?, now())")) {
                s.setString(1, heldKey);
                s.setString(2, ics);
                s.setString(3, "{\"kind\":\"RESCHEDULED\",\"icalUid\":\"" + ics + "\",\"sequence\":1,\"uid\":\"older\","
                        + "\"previousUid\":\"r\\u0000\",\"start\":\"2030-01-15T10:00:00Z\",\"end\":\"2030-01-15T10:30:00Z\"}");
                s.executeUpdate();
            }
        } finally {
            calcom.control("deliveries/release", "{}");
        }

        assertThat(events(ics, 1)).extracting(CloudEvent::type).containsExactly(BookingEventType.BOOKING_CREATED.cloudEventType());
        assertThat(count("SELECT count(*) FROM held_change WHERE dedup_key = ? AND set_aside_at IS NOT NULL "
                + "AND set_aside_reason LIKE '%control character%'", heldKey)).as("kept, with why").isEqualTo(1);
        assertThat(nothingMore(ics)).as("the unreadable change is never announced").hasSize(1);
    }

    @Test
    void tamperedForgedUnsignedAndWrongSecretDeliveriesAre401AndNothingHappens() throws Exception {
        JsonNode booking = calcom.book(LocalCalcomDriver.freshSlot(), "tamper@candidate.test");
        String ics = booking.get("icsUid").asText();
        String uid = booking.get("uid").asText();
        events(ics, 1);

        JsonNode corrupted = calcom.control("deliveries/" + calcom.deliveryOf("BOOKING_CREATED", uid) + "/corrupt", "{}");
        long corruptId = corrupted.get("id").asLong();
        awaitSettled(corruptId);
        JsonNode settled = calcom.delivery(corruptId);
        assertThat(settled.get("state").asText()).isEqualTo("rejected");
        assertThat(settled.get("attempts").get(0).get("status").asInt()).isEqualTo(401);
        assertThat(count("SELECT count(*) FROM webhook_delivery WHERE body = ?", corrupted.get("body").asText())).isZero();

        String forgedIcs = "forged-" + System.nanoTime() + "@Cal.com";
        byte[] body = ("{\"triggerEvent\":\"BOOKING_CREATED\",\"createdAt\":\"2030-01-01T00:00:00.000Z\",\"payload\":{\"uid\":\"forged-uid-"
                + System.nanoTime() + "\",\"iCalUID\":\"" + forgedIcs + "\",\"iCalSequence\":0,\"startTime\":\"2030-01-07T09:00:00Z\","
                + "\"endTime\":\"2030-01-07T09:30:00Z\",\"title\":\"Forged\"}}").getBytes(StandardCharsets.UTF_8);
        for (String signature : new String[]{null, "no-secret-provided", "0".repeat(64),
                new WebhookSignature("whsec-not-ours").sign(body), new WebhookSignature(newSecret()).sign(body).substring(1)}) {
            var request = given().contentType(ContentType.JSON).body(body);
            if (signature != null) {
                request = request.header("X-Cal-Signature-256", signature);
            }
            request.post(FORGED.path()).then().statusCode(FORGED.status()).body("code", equalTo(FORGED.code()));
        }

        assertThat(nothingMore(ics)).as("the tampered copy changed nothing").hasSize(1);
        assertThat(topic.collect(r -> forgedIcs.equals(r.key()), Duration.ofSeconds(1))).isEmpty();
        assertThat(count("SELECT count(*) FROM webhook_delivery WHERE body LIKE ?", "%" + forgedIcs + "%")).isZero();
        assertThat(count("SELECT count(*) FROM processed_webhook WHERE dedup_key LIKE ?", "%forged-uid-%")).isZero();
    }

    @Test
    void duringARotationTheOldAndTheNewSecretAreBothAccepted() throws Exception {
        JsonNode second = calcom.subscribe(webhookUrl(), oldSecret());
        try {
            JsonNode booking = calcom.book(LocalCalcomDriver.freshSlot(), "rotation@candidate.test");
            String ics = booking.get("icsUid").asText();
            String uid = booking.get("uid").asText();

            events(ics, 1);
            List<JsonNode> deliveries = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                deliveries.clear();
                calcom.deliveries().forEach(d -> {
                    if (d.get("body").asText().contains("\"uid\":\"" + uid + "\"")) {
                        deliveries.add(d);
                    }
                });
                return deliveries.size() == 2 && deliveries.stream().allMatch(d -> d.get("state").asText().equals("delivered"));
            });
            assertThat(deliveries).extracting(d -> d.get("signature").asText()).doesNotHaveDuplicates();
            assertThat(nothingMore(ics)).as("two subscriptions, one change, one event").hasSize(1);
        } finally {
            calcom.unsubscribe(second.get("id").asLong());
        }
    }

    @Test
    void pingIsAnswered200() throws Exception {
        byte[] ping = "{\"triggerEvent\":\"PING\",\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON).header("X-Cal-Signature-256", new WebhookSignature(oldSecret()).sign(ping)).body(ping)
                .post("/webhooks/calcom").then().statusCode(200).body("status", equalTo("pong"));
        JsonNode sent = calcom.control("webhooks/1/ping", "{}");
        awaitSettled(sent.get("id").asLong());
        assertThat(calcom.delivery(sent.get("id").asLong()).get("state").asText()).isEqualTo("delivered");
    }

    @Test
    void noSecretEverReachesTheLog() throws Exception {
        String log;
        try (LogCapture capture = LogCapture.of("")) {
            JsonNode booking = calcom.book(LocalCalcomDriver.freshSlot(), "logs@candidate.test");
            events(booking.get("icsUid").asText(), 1);
            calcom.control("deliveries/" + calcom.deliveryOf("BOOKING_CREATED", booking.get("uid").asText()) + "/corrupt", "{}");
            byte[] unreadable = "{\"triggerEvent\":\"BOOKING_EXPLODED\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8);
            given().contentType(ContentType.JSON).header("X-Cal-Signature-256", new WebhookSignature(newSecret()).sign(unreadable))
                    .body(unreadable).post(UNREADABLE.path()).then().statusCode(UNREADABLE.status())
                    .body("code", equalTo(UNREADABLE.code()));
            await().atMost(WAIT).until(() -> !capture.lines(l -> l.contains("signature does not match")).isEmpty());
            log = capture.lines().stream().map(LogCapture.Line::toString).collect(Collectors.joining("\n"));
        }
        assertThat(log).contains("Cal.com webhook BOOKING_CREATED", "Unknown triggerEvent");
        for (String secret : secrets()) {
            assertThat(log).doesNotContain(secret).doesNotContain(secret.substring(6, 30));
        }
    }
}
