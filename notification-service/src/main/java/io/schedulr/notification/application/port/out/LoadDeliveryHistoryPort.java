package io.schedulr.notification.application.port.out;

import io.schedulr.notification.domain.DeliveryAttemptRecord;
import io.smallrye.mutiny.Uni;

import java.util.List;

public interface LoadDeliveryHistoryPort {

    /** Every audit row of the room, oldest first, with the notices recorded against each. */
    Uni<List<DeliveryAttemptRecord>> forRoom(String roomId);

    /**
     * The audit rows of the room's meetings (invitation UIDs) this user (token subject) took part in as host or guest,
     * oldest first: a guest who left does not see the next guest's rows, nor the next guest theirs. Empty for anyone else.
     */
    Uni<List<DeliveryAttemptRecord>> forRoomSeenBy(String roomId, String userId);
}
