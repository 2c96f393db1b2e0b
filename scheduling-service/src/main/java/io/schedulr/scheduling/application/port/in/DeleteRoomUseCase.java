package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

public interface DeleteRoomUseCase {
    Uni<Void> delete(UserProfile actor, RoomId roomId);
}
