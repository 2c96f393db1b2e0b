package io.schedulr.scheduling.observability;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.schedulr.events.EventCodec;
import io.schedulr.events.RoomEventType;
import io.schedulr.events.Topics;
import io.schedulr.scheduling.adapter.in.rest.PracticeRoomResource;
import io.schedulr.scheduling.api.RoomApi;
import io.schedulr.testsupport.LogCapture;
import io.schedulr.testsupport.RecentSpans;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import io.schedulr.testsupport.TopicProbe;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A booking is one trace from the HTTP request to the Kafka record: the caller's W3C {@code traceparent} is continued by
 * the server span, kept on the outbox row, and sent by the relay as the record's {@code traceparent} header, so the
 * consumers' spans (notification-service, calendar-sync-service) join the booking's trace.
 */
@QuarkusTest
class BookingTraceTest {
    @Inject
    RecentSpans spans;

    @Test
    void theBookingsKafkaRecordCarriesTheTraceOfTheRequest() throws Exception {
        TestUser host = Tokens.newUser("Trace Host", "Europe/Berlin");
        TestUser guest = Tokens.newUser("Trace Guest", "America/New_York");
        String room = RoomApi.createRoom(host, 5);
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));

        try (TopicProbe topic = TopicProbe.fromNow(Topics.ROOM_EVENTS);
             LogCapture log = LogCapture.of(PracticeRoomResource.class.getName())) {
            given().header("Authorization", guest.bearer()).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .contentType(ContentType.JSON).body("{\"roomId\":\"" + room + "\",\"guestId\":\"" + guest.id() + "\"}")
                    .post("/api/practice-room/update").then().statusCode(200);

            ConsumerRecord<String, String> booked = topic.await(r -> room.equals(r.key())
                    && RoomEventType.ROOM_BOOKED.cloudEventType().equals(EventCodec.decodeRoomEvent(r.value()).type()), 1, Duration.ofSeconds(20)).get(0);
            Header header = booked.headers().lastHeader("traceparent");
            assertThat(header).as("traceparent header on the room.booked record").isNotNull();
            String[] parts = new String(header.value(), StandardCharsets.UTF_8).split("-");
            assertThat(parts[1]).as("the record's trace").isEqualTo(traceId);

            // The server span ends (and is exported) after the answer went out, so it may come after the producer's.
            List<SpanData> trace = spans.awaitTrace(traceId, t -> t.stream().anyMatch(s -> s.getSpanId().equals(parts[2]))
                            && t.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER), Duration.ofSeconds(10));
            assertThat(trace).anySatisfy(s -> {
                assertThat(s.getKind()).isEqualTo(SpanKind.SERVER);
                assertThat(s.getParentSpanId()).isEqualTo(callerSpan);
            });
            assertThat(trace).as("the producer span whose id the header names").anySatisfy(s -> {
                assertThat(s.getSpanId()).isEqualTo(parts[2]);
                assertThat(s.getKind()).isEqualTo(SpanKind.PRODUCER);
            });
            assertThat(log.lines(message -> message.contains("booked by"))).extracting(LogCapture.Line::mdc)
                    .as("the booking's log line names the trace, the caller (token subject) and the room")
                    .anySatisfy(mdc -> assertThat(mdc).containsEntry("userId", guest.id()).containsEntry("roomId", room)
                            .containsEntry("traceId", traceId));
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zeros (an invalid id)
        return bytes;
    }
}
