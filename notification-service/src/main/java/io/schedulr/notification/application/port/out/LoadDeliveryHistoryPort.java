package io.schedulr.notification.application.port.out;

import io.schedulr.notification.domain.DeliveryAttemptRecord;
import io.smallrye.mutiny.Uni;

import java.util.List;

public interface LoadDeliveryHistoryPort {

    /** Every audit row of the room, oldest first, with the notices recorded against each. */
    Uni<List<DeliveryAttemptRecord>> forRoom(String roomId);

    /** Whether this user (token subject) is the host or the guest named by any delivery of the room. */
    Uni<Boolean> isParticipant(String roomId, String userId);
}
