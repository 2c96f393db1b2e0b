package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

/** The guest leaves their booking: the room is open again (under a new invitation UID) and the host is told. */
public interface ReleaseBookingUseCase {
    /** @return the room as it is afterwards: open */
    Uni<RoomDetails> release(UserProfile guest, RoomId roomId);
}
