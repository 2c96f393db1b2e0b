package io.schedulr.notification.flow;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.EventCodec;
import io.schedulr.events.RoomEventType;
import io.schedulr.events.Topics;
import io.schedulr.notification.support.RoomEvents;
import io.schedulr.testsupport.KafkaRecords;
import io.schedulr.testsupport.Mailboxes;
import io.schedulr.testsupport.RecentSpans;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invitation mails of a booking belong to the booking's trace: the consumer's span continues the record's
 * {@code traceparent} (as scheduling-service's relay sends it), the queued mail keeps it, and each SMTP send is a span
 * of that same trace.
 */
@QuarkusTest
class InvitationTraceTest {
    @Inject
    RecentSpans spans;

    @Test
    void theConsumerSpanAndTheSmtpSendsHaveTheProducersTraceId() throws Exception {
        RoomEvents.ensureTopics();
        TestUser host = Tokens.newUser("Tracy Host", "Europe/Berlin");
        TestUser guest = Tokens.newUser("Tom Guest", "Asia/Tokyo");
        String roomId = RoomEvents.newRoomId();
        String traceId = hex(16);
        String producerSpan = hex(8);

        KafkaRecords.publish(Topics.ROOM_EVENTS, roomId,
                EventCodec.encode(RoomEvents.event(RoomEventType.ROOM_BOOKED, roomId, 0, Instant.parse("2030-05-02T08:00:00Z"), host, guest)),
                Map.of("traceparent", "00-" + traceId + "-" + producerSpan + "-01"));
        assertThat(Mailboxes.awaitInbox(host.email(), 1, Duration.ofSeconds(45))).hasSize(1);
        assertThat(Mailboxes.awaitInbox(guest.email(), 1, Duration.ofSeconds(45))).hasSize(1);

        List<SpanData> trace = spans.awaitTrace(traceId, t -> t.stream().filter(s -> s.getName().equals("smtp send")).count() == 2,
                Duration.ofSeconds(10));
        assertThat(trace).as("the consumer's span, child of the producer's").anySatisfy(s -> {
            assertThat(s.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(s.getParentSpanId()).isEqualTo(producerSpan);
        });
        assertThat(trace).filteredOn(s -> s.getName().equals("smtp send")).as("one SMTP send per person, in the booking's trace")
                .hasSize(2).allSatisfy(s -> assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
