package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

public interface RoomQueriesUseCase {
    /** One page of the scope's rooms: {@code limit} of them after the first {@code offset}. */
    Uni<RoomPage> list(UserProfile viewer, RoomScope scope, int limit, int offset);

    /** Any room by id, private ones included (they are shared by link). */
    Uni<RoomDetails> get(UserProfile viewer, RoomId roomId);
}
