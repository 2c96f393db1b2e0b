package io.schedulr.calcom.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.calcom.application.port.in.LookUpMissedChangesUseCase;
import io.schedulr.calcom.calcomapi.LocalCalcomApiResource;
import io.schedulr.events.BookingEvent;
import io.schedulr.events.BookingEventType;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.Topics;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.schedulr.testsupport.LogCapture;
import io.schedulr.testsupport.Metrics;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import io.schedulr.testsupport.TopicProbe;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Changes made on Cal.com while its webhooks do not reach us (held at the local Cal.com, as when this service is down
 * longer than Cal.com's few attempts): a round of look-ups asks the real Cal.com API client, announces each change on
 * the real topic as its webhook would have, and the webhooks, let go at last, are duplicates. A meeting Cal.com cannot
 * answer for fails alone. A booking made on Cal.com directly whose creation was never delivered is found in Cal.com's list.
 */
@QuarkusTest
class MissedChangesLookUpTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MISSED = "schedulr_calcom_missed_changes_total";

    @Inject
    LookUpMissedChangesUseCase lookUp;
    @Inject
    AgroalDataSource dataSource;

    private LocalCalcomDriver calcom;
    private long subscription;
    private TopicProbe topic;

    @BeforeEach
    void subscribe() throws Exception {
        calcom = LocalCalcomDriver.of(LocalCalcomApiResource.shared(), LocalCalcomApiResource.KEY);
        subscription = calcom.subscribe(CalcomWebhookTest.webhookUrl(), CalcomWebhookTest.newSecret()).get("id").asLong();
        topic = TopicProbe.fromNow(Topics.CALCOM_BOOKINGS);
        lookUpEverythingDue();
    }

    /** Other tests' meetings and bookings of this database, looked up first, so that a round here finds only this test's. */
    private void lookUpEverythingDue() {
        await().atMost(WAIT).until(() -> {
            lookUp.lookUpDue();
            return count("SELECT count(*) FROM meeting_state WHERE NOT cancelled AND looked_up_at IS NULL "
                    + "AND (ends_at IS NULL OR ends_at > now())") == 0
                    && count("SELECT count(*) FROM booking_made WHERE looked_up_at IS NULL AND ends_at > now()") == 0;
        });
    }

    @AfterEach
    void unsubscribe() throws Exception {
        calcom.control("deliveries/release", "{\"order\":\"original\"}");
        calcom.unsubscribe(subscription);
        topic.close();
    }

    @Test
    void aCancellationAndAMoveMadeOnCalcomWhileItsWebhooksDidNotComeAreAnnouncedByTheLookUp() throws Exception {
        JsonNode cancelledLater = calcom.book(LocalCalcomDriver.freshSlot(), "cancels@candidate.test");
        JsonNode movedLater = calcom.book(LocalCalcomDriver.freshSlot(), "moves@candidate.test");
        String cancelledIcs = cancelledLater.get("icsUid").asText();
        String movedIcs = movedLater.get("icsUid").asText();
        events(cancelledIcs, 1);
        events(movedIcs, 1);

        calcom.control("deliveries/hold", "{}");
        calcom.control("bookings/" + cancelledLater.get("uid").asText() + "/cancel",
                "{\"cancellationReason\":\"Found another investor\",\"by\":\"attendee\"}");
        Instant newStart = LocalCalcomDriver.freshSlot();
        JsonNode moved = calcom.control("bookings/" + movedLater.get("uid").asText() + "/reschedule",
                "{\"start\":\"" + newStart + "\",\"reschedulingReason\":\"Clash\",\"by\":\"attendee\"}");
        assertThat(allFor(cancelledIcs)).as("the webhooks are held").hasSize(1);
        // A meeting Cal.com no longer knows, first in line: it fails alone.
        String unknown = "000-unknown-" + java.util.UUID.randomUUID() + "@Cal.com";
        execute("INSERT INTO meeting_state (ical_uid, sequence, cancelled, uid, ends_at) "
                + "VALUES (?, 0, false, 'gone-uid', now() + interval '1 day')", unknown);
        String unknownWithoutEnd = "000-unknown-" + java.util.UUID.randomUUID() + "@Cal.com";
        execute("INSERT INTO meeting_state (ical_uid, sequence, cancelled, uid, ends_at) VALUES (?, 0, false, 'gone-uid', NULL)",
                unknownWithoutEnd);
        double cancellationsFound = Metrics.count(MISSED, "kind=\"cancelled\"");
        double movesFound = Metrics.count(MISSED, "kind=\"rescheduled\"");

        try (LogCapture log = LogCapture.of("io.schedulr.calcom")) {
            lookUpUntilSeen(unknown, unknownWithoutEnd, cancelledIcs, movedIcs);
            assertThat(log.lines(m -> m.startsWith("meeting " + cancelledIcs + ": BOOKING_CANCELLED (sequence 0) found at Cal.com, its "
                    + "webhook never came"))).as("logged at WARN, as the log names it everywhere else").extracting(LogCapture.Line::level)
                    .containsExactly("WARN");
        }
        assertThat(allFor(unknown)).as("nothing announced for a booking Cal.com does not know").isEmpty();
        assertThat(count("SELECT count(*) FROM meeting_state WHERE ical_uid = ? AND ends_at IS NOT NULL", unknownWithoutEnd))
                .as("with no end kept, not looked up again").isEqualTo(1);

        BookingEvent cancellation = events(cancelledIcs, 2).get(1).data();
        assertThat(cancellation.uid()).isEqualTo(cancelledLater.get("uid").asText());
        assertThat(cancellation.cancellationReason()).isEqualTo("Found another investor");
        assertThat(cancellation.requestReschedule()).isFalse();
        CloudEvent<BookingEvent> move = events(movedIcs, 2).get(1);
        assertThat(move.type()).isEqualTo(BookingEventType.BOOKING_RESCHEDULED.cloudEventType());
        assertThat(move.data().sequence()).isEqualTo(1);
        assertThat(move.data().uid()).isEqualTo(moved.get("uid").asText());
        assertThat(move.data().previousUid()).isEqualTo(movedLater.get("uid").asText());
        assertThat(move.data().start()).isEqualTo(newStart);
        assertThat(cancellation.sequence()).as("the sequence of the booking it cancels").isZero();
        assertThat(count("SELECT count(*) FROM webhook_delivery WHERE dedup_key = ? AND body LIKE '%\"foundBy\":\"look-up\"%'",
                "BOOKING_CANCELLED:" + cancellation.uid() + ":1")).as("kept for audit, with where it was found, under its webhook's key")
                .isEqualTo(1);
        assertThat(Metrics.count(MISSED, "kind=\"cancelled\"")).isEqualTo(cancellationsFound + 1);
        assertThat(count("SELECT count(*) FROM meeting_state WHERE ical_uid = ? AND cancelled AND keep_looking", cancelledIcs))
                .as("a cancellation found may have been a request for a new time: still looked up").isEqualTo(1);
        assertThat(Metrics.count(MISSED, "kind=\"rescheduled\"")).isEqualTo(movesFound + 1);

        calcom.control("deliveries/release", "{\"order\":\"original\"}");
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM webhook_delivery WHERE dedup_key = ? AND outcome = 'duplicate'",
                "BOOKING_RESCHEDULED:" + move.data().uid() + ":1") == 1);
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM webhook_delivery WHERE dedup_key = ? AND outcome = 'duplicate'",
                "BOOKING_CANCELLED:" + cancellation.uid() + ":1") == 1);
        assertThat(allFor(cancelledIcs)).as("the late webhooks announce nothing twice").hasSize(2);
        assertThat(allFor(movedIcs)).hasSize(2);
    }

    /**
     * The host asks for a new time (its webhook comes), the attendee picks one and that webhook is lost: the meeting is
     * still looked up, so the new booking is announced.
     */
    @Test
    void aNewTimePickedAfterAHostsRequestWhoseWebhookNeverCameIsAnnouncedByTheLookUp() throws Exception {
        JsonNode booking = calcom.book(LocalCalcomDriver.freshSlot(), "asked-then-moved@candidate.test");
        String ics = booking.get("icsUid").asText();
        String uid = booking.get("uid").asText();
        events(ics, 1);
        calcom.control("bookings/" + uid + "/request-reschedule", "{\"reason\":\"Panel changed\"}");
        assertThat(events(ics, 2).get(1).data().requestReschedule()).isTrue();

        calcom.control("deliveries/hold", "{}");
        Instant newStart = LocalCalcomDriver.freshSlot();
        JsonNode picked = calcom.control("bookings/" + uid + "/reschedule", "{\"start\":\"" + newStart + "\",\"by\":\"attendee\"}");
        await().atMost(WAIT).until(() -> {
            lookUp.lookUpDue();
            return allFor(ics).size() == 3;
        });

        CloudEvent<BookingEvent> move = events(ics, 3).get(2);
        assertThat(move.type()).isEqualTo(BookingEventType.BOOKING_RESCHEDULED.cloudEventType());
        assertThat(move.data().sequence()).isEqualTo(1);
        assertThat(move.data().uid()).isEqualTo(picked.get("uid").asText());
        assertThat(move.data().previousUid()).isEqualTo(uid);
        assertThat(move.data().start()).isEqualTo(newStart);

        calcom.control("deliveries/release", "{\"order\":\"original\"}");
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM webhook_delivery WHERE dedup_key = ? AND outcome = 'duplicate'",
                "BOOKING_RESCHEDULED:" + move.data().uid() + ":1") == 1);
        assertThat(allFor(ics)).as("the late webhook announces nothing twice").hasSize(3);
    }

    @Test
    void aBookingMadeHereWhoseCreationNeverCameIsAnnouncedByTheLookUp() throws Exception {
        TestUser person = Tokens.newUser("Iris Recruiter", "Europe/Berlin");
        long eventType = ((Number) given().header("Authorization", person.bearer()).get("/api/calcom/event-types").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.lengthInMinutes == 30 }.id").get(0)).longValue();
        calcom.control("deliveries/hold", "{}");
        Instant start = LocalCalcomDriver.freshSlot();
        String ics = given().header("Authorization", person.bearer()).contentType(ContentType.JSON).body("""
                        {"interviewId":"iv-made","eventTypeId":%d,"start":"%s",
                         "attendee":{"name":"Grace Candidate","email":"made@candidate.test","timeZone":"America/New_York"}}"""
                        .formatted(eventType, start))
                .post("/api/calcom/bookings").then().statusCode(201).extract().path("icsUid");
        assertThat(allFor(ics)).as("its webhook is held").isEmpty();

        lookUpUntilAnnounced(ics);

        CloudEvent<BookingEvent> created = events(ics, 1).get(0);
        assertThat(created.type()).isEqualTo(BookingEventType.BOOKING_CREATED.cloudEventType());
        assertThat(created.data().sequence()).isZero();
        assertThat(created.data().start()).isEqualTo(start);
        assertThat(created.data().metadata()).containsEntry("schedulrInterviewId", "iv-made");
        assertThat(count("SELECT count(*) FROM booking_made WHERE ical_uid = ?", ics)).as("forgotten once announced").isZero();

        theLateCreationIsADuplicate(ics);
    }

    /**
     * An event type that needs its host's confirmation: the booking made here is answered {@code pending} (scheduling-service
     * shows the interview as waiting for its host); while it waits a look-up announces its request once (its webhook never
     * came), and once the host confirmed it, a look-up announces its creation.
     */
    @Test
    void aBookingMadeHereThatWaitsForItsHostIsAnsweredPendingRequestedOnceAndCreatedOnceConfirmed() throws Exception {
        TestUser person = Tokens.newUser("Iris Recruiter", "Europe/Berlin");
        long host = given().header("Authorization", person.bearer()).get("/api/calcom/event-types").then().statusCode(200)
                .extract().jsonPath().getLong("[0].hosts[0].userId");
        // A personal type of one of the team's hosts: the team's own list of types (which other tests read) stays as it is.
        long eventType = calcom.control("event-types", "{\"slug\":\"confirm-" + System.nanoTime() + "\",\"title\":\"Chat (needs confirmation)\","
                + "\"lengthInMinutes\":30,\"ownerId\":" + host + ",\"requiresConfirmation\":true}").get("id").asLong();
        calcom.control("deliveries/hold", "{}");
        JsonPath booked = given().header("Authorization", person.bearer()).contentType(ContentType.JSON).body("""
                        {"interviewId":"iv-pending","eventTypeId":%d,"start":"%s",
                         "attendee":{"name":"Grace Candidate","email":"pending@candidate.test","timeZone":"America/New_York"}}"""
                        .formatted(eventType, LocalCalcomDriver.freshSlot()))
                .post("/api/calcom/bookings").then().statusCode(201).body("status", equalTo("pending")).extract().jsonPath();
        String ics = booked.getString("icsUid");

        await().atMost(WAIT).until(() -> {
            lookUp.lookUpDue();
            return count("SELECT count(*) FROM booking_made WHERE ical_uid = ? AND looked_up_at IS NOT NULL", ics) == 1;
        });
        CloudEvent<BookingEvent> requested = events(ics, 1).get(0);
        assertThat(requested.type()).isEqualTo(BookingEventType.BOOKING_REQUESTED.cloudEventType());
        assertThat(requested.data().status()).isEqualTo("pending");
        execute("UPDATE booking_made SET looked_up_at = NULL WHERE ical_uid = ?", ics);
        await().atMost(WAIT).until(() -> {
            lookUp.lookUpDue();
            return count("SELECT count(*) FROM booking_made WHERE ical_uid = ? AND looked_up_at IS NOT NULL", ics) == 1;
        });
        assertThat(allFor(ics)).as("still waiting for its host: the request once, and it is still remembered").hasSize(1);

        calcom.control("bookings/" + booked.getString("uid") + "/confirm", "{}");
        execute("UPDATE booking_made SET looked_up_at = NULL WHERE ical_uid = ?", ics);
        lookUpUntilAnnounced(ics);
        CloudEvent<BookingEvent> created = events(ics, 2).get(1);
        assertThat(created.type()).isEqualTo(BookingEventType.BOOKING_CREATED.cloudEventType());
        assertThat(created.data().status()).isEqualTo("accepted");
        assertThat(created.data().metadata()).containsEntry("schedulrInterviewId", "iv-pending");

        calcom.control("deliveries/release", "{\"order\":\"original\"}");
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM webhook_delivery WHERE dedup_key LIKE 'BOOKING_CREATED:%' "
                + "AND outcome = 'duplicate' AND body LIKE '%' || ? || '%'", ics) == 1);
        assertThat(allFor(ics)).as("the late webhooks announce nothing twice").hasSize(2);
    }

    @Test
    void aBookingMadeOnCalcomDirectlyWhoseCreationNeverCameIsFoundInCalcomsListAndAnnounced() throws Exception {
        calcom.control("deliveries/hold", "{}");
        Instant start = LocalCalcomDriver.freshSlot();
        JsonNode direct = calcom.book(start, "direct@startup.test");
        String ics = direct.get("icsUid").asText();
        double creationsFound = Metrics.count(MISSED, "kind=\"created\"");

        lookUpUntilAnnounced(ics);

        CloudEvent<BookingEvent> created = events(ics, 1).get(0);
        assertThat(created.type()).isEqualTo(BookingEventType.BOOKING_CREATED.cloudEventType());
        assertThat(created.data().sequence()).isZero();
        assertThat(created.data().uid()).isEqualTo(direct.get("uid").asText());
        assertThat(created.data().start()).isEqualTo(start);
        assertThat(created.data().attendees()).extracting(a -> a.email()).contains("direct@startup.test");
        assertThat(Metrics.count(MISSED, "kind=\"created\"")).isGreaterThanOrEqualTo(creationsFound + 1);
        assertThat(count("SELECT count(*) FROM booking_made WHERE ical_uid = ?", ics)).as("forgotten once announced").isZero();

        theLateCreationIsADuplicate(ics);
    }

    /** Rounds until the meeting is announced: other tests' meetings of this database come first in some rounds. */
    private void lookUpUntilAnnounced(String ics) {
        await().atMost(WAIT).until(() -> {
            lookUp.lookUpDue();
            return count("SELECT count(*) FROM meeting_state WHERE ical_uid = ?", ics) == 1;
        });
    }

    /** The held BOOKING_CREATED, let go at last, is a duplicate and announces nothing twice. */
    private void theLateCreationIsADuplicate(String ics) throws Exception {
        calcom.control("deliveries/release", "{\"order\":\"original\"}");
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM webhook_delivery WHERE dedup_key LIKE 'BOOKING_CREATED:%' "
                + "AND outcome = 'duplicate' AND body LIKE '%' || ? || '%'", ics) == 1);
        assertThat(allFor(ics)).as("the late webhook announces nothing twice").hasSize(1);
    }

    /** Rounds until both meetings were looked up: other tests' meetings of this database come first in some rounds. */
    private void lookUpUntilSeen(String... meetings) {
        await().atMost(WAIT).until(() -> {
            lookUp.lookUpDue();
            for (String ics : meetings) {
                if (count("SELECT count(*) FROM meeting_state WHERE ical_uid = ? AND looked_up_at IS NOT NULL", ics) == 0) {
                    return false;
                }
            }
            return true;
        });
    }

    private List<CloudEvent<BookingEvent>> events(String icsUid, int count) {
        return ReadBack.bookingEvents(topic, icsUid, count, WAIT);
    }

    /** Every record of the meeting since the test began, after a few more seconds of listening. */
    private List<ConsumerRecord<String, String>> allFor(String icsUid) {
        return topic.collect(r -> icsUid.equals(r.key()), Duration.ofSeconds(3));
    }

    private void execute(String sql, String value) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            s.executeUpdate();
        }
    }

    private long count(String sql) throws Exception {
        return ReadBack.rows(dataSource, sql);
    }

    private long count(String sql, String value) throws Exception {
        return ReadBack.rows(dataSource, sql, value);
    }
}
