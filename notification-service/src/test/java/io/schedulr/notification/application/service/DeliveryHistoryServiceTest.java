package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.ListDeliveriesUseCase.ListDeliveriesQuery;
import io.schedulr.notification.application.port.in.ListDeliveriesUseCase.RoomNotFoundException;
import io.schedulr.notification.application.port.out.LoadDeliveryHistoryPort;
import io.schedulr.notification.domain.DeliveryAttemptRecord;
import io.schedulr.notification.domain.DeliveryOutcome;
import io.schedulr.notification.domain.DeliveryStatus;
import io.schedulr.notification.domain.InviteMethod;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may read a room's delivery history, against an in-memory history. */
class DeliveryHistoryServiceTest {
    private static final DeliveryAttemptRecord ATTEMPT = new DeliveryAttemptRecord(1, 1L, "e1", "room-1", "guest@example.com",
            InviteMethod.REQUEST, 0, DeliveryOutcome.SENT, null, Instant.EPOCH, "k1", DeliveryStatus.SENT, List.of());

    private final LoadDeliveryHistoryPort history = new LoadDeliveryHistoryPort() {
        @Override
        public Uni<List<DeliveryAttemptRecord>> forRoom(String roomId) {
            return Uni.createFrom().item(roomId.equals("room-1") ? List.of(ATTEMPT) : List.of());
        }

        @Override
        public Uni<List<DeliveryAttemptRecord>> forRoomSeenBy(String roomId, String userId) {
            return Uni.createFrom().item(roomId.equals("room-1") && Set.of("host-sub", "guest-sub").contains(userId) ? List.of(ATTEMPT)
                    : List.of());
        }
    };
    private final DeliveryHistoryService service = new DeliveryHistoryService(history);

    @Test
    void theHostTheGuestAndOperatorsReadTheHistory() {
        assertThat(service.list(new ListDeliveriesQuery("room-1", "host-sub", false)).await().indefinitely()).containsExactly(ATTEMPT);
        assertThat(service.list(new ListDeliveriesQuery("room-1", "guest-sub", false)).await().indefinitely()).containsExactly(ATTEMPT);
        assertThat(service.list(new ListDeliveriesQuery("room-1", "ops-sub", true)).await().indefinitely()).containsExactly(ATTEMPT);
    }

    @Test
    void anyoneElseHearsTheSameAsForARoomThatDoesNotExist() {
        assertThatThrownBy(() -> service.list(new ListDeliveriesQuery("room-1", "third-sub", false)).await().indefinitely())
                .isInstanceOf(RoomNotFoundException.class);
        assertThatThrownBy(() -> service.list(new ListDeliveriesQuery("room-1", null, false)).await().indefinitely())
                .isInstanceOf(RoomNotFoundException.class);
        assertThatThrownBy(() -> service.list(new ListDeliveriesQuery("room-2", "host-sub", false)).await().indefinitely())
                .isInstanceOf(RoomNotFoundException.class);
        assertThatThrownBy(() -> service.list(new ListDeliveriesQuery("room-2", "ops-sub", true)).await().indefinitely())
                .isInstanceOf(RoomNotFoundException.class);
        assertThatThrownBy(() -> new ListDeliveriesQuery(" ", null, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
