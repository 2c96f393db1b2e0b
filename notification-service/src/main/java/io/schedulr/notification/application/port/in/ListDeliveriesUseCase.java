package io.schedulr.notification.application.port.in;

import io.schedulr.notification.domain.DeliveryAttemptRecord;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** The audit trail of a room's mails, for operators and the room's host. */
public interface ListDeliveriesUseCase {

    /** Fails with {@link NotAllowedException} when the caller is neither an operator nor the room's host. */
    Uni<List<DeliveryAttemptRecord>> list(ListDeliveriesQuery query);

    record ListDeliveriesQuery(String roomId, String callerId, boolean operator) {
        public ListDeliveriesQuery {
            if (roomId == null || roomId.isBlank()) {
                throw new IllegalArgumentException("roomId is required");
            }
        }
    }

    class NotAllowedException extends RuntimeException {
        public NotAllowedException(String message) {
            super(message);
        }
    }
}
