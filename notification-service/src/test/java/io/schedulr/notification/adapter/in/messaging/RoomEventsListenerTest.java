package io.schedulr.notification.adapter.in.messaging;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.MalformedEventException;
import io.schedulr.events.Participant;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.notification.application.port.in.HandleRoomChangeCommand;
import io.schedulr.notification.application.port.in.HandleRoomChangeUseCase;
import io.schedulr.notification.domain.InvalidRoomChangeException;
import io.schedulr.notification.domain.RoomChangeKind;
import io.smallrye.mutiny.Uni;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoomEventsListenerTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Instant START = Instant.parse("2030-03-14T09:30:00Z");

    final List<HandleRoomChangeCommand> handled = new ArrayList<>();

    @Test
    void aBookingBecomesTheCommandOfTheUseCase() {
        listener(c -> Uni.createFrom().item(HandleRoomChangeUseCase.Outcome.QUEUED)).consume(record(booking(RoomEventType.ROOM_BOOKED, true)))
                .await().atMost(WAIT);

        assertThat(handled).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(RoomChangeKind.BOOKED);
            assertThat(c.roomId()).isEqualTo("room-1");
            assertThat(c.host().email()).isEqualTo("hilde@example.com");
            assertThat(c.guest().email()).isEqualTo("gary@example.com");
        });
    }

    @Test
    void aTransientFailureIsRetriedUntilItPasses() {
        var listener = listener(c -> handled.size() < 3
                ? Uni.createFrom().failure(new IllegalStateException("connection refused"))
                : Uni.createFrom().item(HandleRoomChangeUseCase.Outcome.QUEUED));

        listener.consume(record(booking(RoomEventType.ROOM_BOOKED, true))).await().atMost(WAIT);

        assertThat(handled).hasSize(3);
    }

    @Test
    void poisonFailsAtOnceWithItsReason() {
        var listener = listener(c -> {
            throw new InvalidRoomChangeException("room room-1 has no guest");
        });

        assertThatThrownBy(() -> listener.consume(record(booking(RoomEventType.ROOM_BOOKED, false))).await().atMost(WAIT))
                .isInstanceOf(InvalidRoomChangeException.class).hasMessageContaining("guest");
        assertThat(handled).hasSize(1);

        assertThatThrownBy(() -> listener.consume(record("not json {".getBytes(StandardCharsets.UTF_8))).await().atMost(WAIT))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> listener.consume(record(null)).await().atMost(WAIT)).isInstanceOf(MalformedEventException.class);
        assertThat(handled).hasSize(1);
    }

    @Test
    void aRecordWithoutAKeyIsHandledLikeAnyOther() {
        listener(c -> Uni.createFrom().item(HandleRoomChangeUseCase.Outcome.QUEUED))
                .consume(new ConsumerRecord<>("scheduling.room-events.v1", 0, 8L, null, booking(RoomEventType.ROOM_BOOKED, true)))
                .await().atMost(WAIT);

        assertThat(handled).singleElement().satisfies(c -> assertThat(c.roomId()).isEqualTo("room-1"));
    }

    @Test
    void aJsonNullBodyIsPoisonAtOnceNotRetried() {
        var listener = listener(c -> Uni.createFrom().item(HandleRoomChangeUseCase.Outcome.QUEUED));

        assertThatThrownBy(() -> listener.consume(record("null".getBytes(StandardCharsets.UTF_8))).await().atMost(WAIT))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("empty record");
        assertThatThrownBy(() -> listener.consume(new ConsumerRecord<>("scheduling.room-events.v1", 0, 9L, null,
                " null ".getBytes(StandardCharsets.UTF_8))).await().atMost(WAIT))
                .as("no key either").isInstanceOf(MalformedEventException.class);
        assertThat(handled).isEmpty();
    }

    @Test
    void anUnusableAddressIsPoisonNamedByItsRoleNotByTheAddress() {
        RoomEvent data = new RoomEvent("room-1", "room-1@rooms.schedulr.test", 0, START, START.plusSeconds(2700), "Cello lesson", null,
                false, "ROOM_BOOKED", new Participant("h", "hilde@example.com", "Hilde", "UTC"),
                new Participant("g", "gary.secret at example.com", "Gary", "UTC"));
        byte[] value = EventCodec.encode(CloudEvent.of("evt-2", "/scheduling-service", RoomEventType.ROOM_BOOKED.cloudEventType(), START,
                "room-1", data)).getBytes(StandardCharsets.UTF_8);
        var listener = listener(c -> Uni.createFrom().item(HandleRoomChangeUseCase.Outcome.QUEUED));

        assertThatThrownBy(() -> listener.consume(record(value)).await().atMost(WAIT))
                .isInstanceOf(InvalidRoomChangeException.class)
                .hasMessageContaining("guest")
                .message().doesNotContain("gary.secret").doesNotContain("example.com");
        assertThat(handled).isEmpty();
    }

    @Test
    void eventsThatNotifyNobodyAreNotHandled() {
        listener(c -> Uni.createFrom().item(HandleRoomChangeUseCase.Outcome.QUEUED)).consume(record(booking(RoomEventType.ROOM_UPDATED, true)))
                .await().atMost(WAIT);
        assertThat(handled).isEmpty();
    }

    @Test
    void aReleaseIsHandledAsTheEndOfTheGuestsBooking() {
        listener(c -> Uni.createFrom().item(HandleRoomChangeUseCase.Outcome.QUEUED)).consume(record(booking(RoomEventType.ROOM_RELEASED, true)))
                .await().atMost(WAIT);
        assertThat(handled).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(RoomChangeKind.RELEASED);
            assertThat(c.kind().method()).contains(io.schedulr.notification.domain.InviteMethod.CANCEL);
            assertThat(c.icsUid()).isEqualTo("room-1@rooms.schedulr.test");
            assertThat(c.guest().email()).isEqualTo("gary@example.com");
        });
    }

    @Test
    void poisonIsRecognisedBehindWrappers() {
        assertThat(PoisonRecords.isPoison(new CompletionException(new InvalidRoomChangeException("x")))).isTrue();
        assertThat(PoisonRecords.isPoison(new MalformedEventException("x"))).isTrue();
        assertThat(PoisonRecords.isTransient(new IllegalStateException("database down"))).isTrue();
        assertThat(PoisonRecords.isPoison(new io.vertx.pgclient.PgException("timestamp out of range", "ERROR", "22008", null))).isTrue();
        assertThat(PoisonRecords.isPoison(new io.vertx.pgclient.PgException("invalid byte sequence", "ERROR", "22021", null))).isTrue();
        assertThat(PoisonRecords.isTransient(new io.vertx.pgclient.PgException("too many connections", "FATAL", "53300", null))).isTrue();
    }

    RoomEventsListener listener(Function<HandleRoomChangeCommand, Uni<HandleRoomChangeUseCase.Outcome>> useCase) {
        return new RoomEventsListener(command -> {
            handled.add(command);
            return useCase.apply(command);
        }, Duration.ofMillis(5), new RecordsInFlight(java.time.Clock.systemUTC()));
    }

    static byte[] booking(RoomEventType type, boolean withGuest) {
        RoomEvent data = new RoomEvent("room-1", "room-1@rooms.schedulr.test", 0, START, START.plusSeconds(2700), "Cello lesson",
                "https://rooms.schedulr.test/room-1", false, type.name(), new Participant("h", "hilde@example.com", "Hilde", "UTC"),
                withGuest ? new Participant("g", "gary@example.com", "Gary", "UTC") : null);
        return EventCodec.encode(CloudEvent.of("evt-1", "/scheduling-service", type.cloudEventType(), START, "room-1", data))
                .getBytes(StandardCharsets.UTF_8);
    }

    static ConsumerRecord<String, byte[]> record(byte[] value) {
        return new ConsumerRecord<>("scheduling.room-events.v1", 0, 7L, "room-1", value);
    }
}
