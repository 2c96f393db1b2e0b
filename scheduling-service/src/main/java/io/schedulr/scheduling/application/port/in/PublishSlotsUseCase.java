package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.Slot;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** Publishes availability: database only, no room, nobody notified. */
public interface PublishSlotsUseCase {
    Uni<List<Slot>> publish(PublishSlotsCommand command);
}
