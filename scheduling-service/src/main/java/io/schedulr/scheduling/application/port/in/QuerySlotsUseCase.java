package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.util.List;

public interface QuerySlotsUseCase {
    /** Open future slots of everyone but the viewer, each with its host ({@code query.status} is ignored). */
    Uni<List<SlotDetails>> open(UserProfile viewer, SlotQuery query);

    Uni<List<Slot>> mine(UserProfile host, SlotQuery query);
}
