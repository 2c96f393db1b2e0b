package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.RoomChange;
import io.smallrye.mutiny.Uni;

/** Records a domain event in the same transaction as the change; a relay publishes it later. */
public interface AppendOutboxPort {
    Uni<Void> append(RoomChange change);
}
