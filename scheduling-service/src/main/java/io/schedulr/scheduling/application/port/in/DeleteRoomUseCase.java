package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.RoomIds;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

public interface DeleteRoomUseCase {
    Uni<Void> delete(UserProfile actor, UUID roomId);

    default Uni<Void> delete(UserProfile actor, String roomId) {
        return delete(actor, RoomIds.parse(roomId));
    }
}
