package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.UUID;

public interface RoomQueriesUseCase {
    Uni<List<RoomDetails>> list(UserProfile actor, RoomScope scope, int limit);

    /** Any room by id, private ones included (they are shared by link). */
    Uni<RoomDetails> get(UserProfile actor, UUID roomId);
}
