package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.HandleRoomChangeCommand;
import io.schedulr.notification.application.port.in.HandleRoomChangeUseCase.Outcome;
import io.schedulr.notification.application.port.out.RecordRoomChangePort;
import io.schedulr.notification.domain.InvalidRoomChangeException;
import io.schedulr.notification.domain.NotificationPlan;
import io.schedulr.notification.domain.NotificationPlanner;
import io.schedulr.notification.domain.RoomChangeKind;
import io.schedulr.notification.domain.RoomNotificationState;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static io.schedulr.notification.support.Fixtures.END;
import static io.schedulr.notification.support.Fixtures.GUEST;
import static io.schedulr.notification.support.Fixtures.HOST;
import static io.schedulr.notification.support.Fixtures.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoomChangeServiceTest {
    private final InMemoryStore store = new InMemoryStore();
    private final AtomicInteger kicks = new AtomicInteger();
    private final RoomChangeService service = new RoomChangeService(store, new NotificationPlanner(), kicks::incrementAndGet);

    @Test
    void queuesOnceAndRecognisesTheReplay() {
        HandleRoomChangeCommand booking = command("e1", RoomChangeKind.BOOKED, 0);
        assertThat(service.handle(booking).await().indefinitely()).isEqualTo(Outcome.QUEUED);
        assertThat(service.handle(booking).await().indefinitely()).isEqualTo(Outcome.DUPLICATE);
        assertThat(store.queued).hasSize(2);
        assertThat(kicks.get()).isEqualTo(1);
    }

    @Test
    void aRequestOlderThanTheCancelIsStale() {
        service.handle(command("b", RoomChangeKind.BOOKED, 0)).await().indefinitely();
        service.handle(command("c", RoomChangeKind.CANCELLED, 1)).await().indefinitely();
        assertThat(service.handle(command("r", RoomChangeKind.RESCHEDULED, 1)).await().indefinitely()).isEqualTo(Outcome.STALE);
        assertThat(store.queued).hasSize(4);
    }

    @Test
    void otherChangesAndUnbookedCancellationsTellNobody() {
        assertThat(service.handle(command("o", RoomChangeKind.OTHER, 0)).await().indefinitely()).isEqualTo(Outcome.IGNORED);
        HandleRoomChangeCommand unbooked = new HandleRoomChangeCommand("x", RoomChangeKind.CANCELLED, "room-1", "uid", 1, START, END,
                "t", null, HOST, null);
        assertThat(service.handle(unbooked).await().indefinitely()).isEqualTo(Outcome.IGNORED);
        assertThat(store.consumed).contains("x");
        assertThat(store.queued).isEmpty();
        assertThat(kicks.get()).isZero();
    }

    @Test
    void aBookingWithoutGuestIsInvalid() {
        HandleRoomChangeCommand noGuest = new HandleRoomChangeCommand("x", RoomChangeKind.BOOKED, "room-1", "uid", 1, START, END, "t",
                null, HOST, null);
        assertThatThrownBy(() -> service.handle(noGuest).await().indefinitely()).isInstanceOf(InvalidRoomChangeException.class);
    }

    private static HandleRoomChangeCommand command(String eventId, RoomChangeKind kind, int sequence) {
        return new HandleRoomChangeCommand(eventId, kind, "room-1", "room-1@uid", sequence, START, END, "Lesson", null, HOST, GUEST);
    }

    static final class InMemoryStore implements RecordRoomChangePort {
        final Set<String> consumed = new HashSet<>();
        final Map<String, RoomNotificationState> rooms = new HashMap<>();
        final List<String> queued = new ArrayList<>();

        @Override
        public Uni<NotificationPlan> recordOnce(String eventId, String roomId, Function<RoomNotificationState, NotificationPlan> planner) {
            if (!consumed.add(eventId)) {
                return Uni.createFrom().nullItem();
            }
            NotificationPlan plan = planner.apply(rooms.get(roomId));
            plan.invitations().forEach(i -> queued.add(i.eventId() + "/" + i.recipient().email()));
            rooms.put(roomId, plan.nextState());
            return Uni.createFrom().item(plan);
        }

        @Override
        public Uni<Void> markConsumed(String eventId, String roomId) {
            consumed.add(eventId);
            return Uni.createFrom().voidItem();
        }
    }
}
