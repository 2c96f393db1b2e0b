package io.schedulr.notification.application.port.in;

import io.schedulr.notification.domain.DeliveryAttemptRecord;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** The audit trail of a room's mails, for operators and the room's participants. */
public interface ListDeliveriesUseCase {

    /**
     * Fails with {@link RoomNotFoundException} when this service knows nothing of the room or the caller is neither an
     * operator nor one of its participants; the two are not told apart, so nobody learns that a room exists.
     */
    Uni<List<DeliveryAttemptRecord>> list(ListDeliveriesQuery query);

    /**
     * @param callerId the caller's user id (token subject)
     * @param operator whether the caller holds the operator role
     */
    record ListDeliveriesQuery(String roomId, String callerId, boolean operator) {
        public ListDeliveriesQuery {
            if (roomId == null || roomId.isBlank()) {
                throw new IllegalArgumentException("roomId is required");
            }
        }
    }

    class RoomNotFoundException extends RuntimeException {
        public RoomNotFoundException(String message) {
            super(message);
        }
    }
}
