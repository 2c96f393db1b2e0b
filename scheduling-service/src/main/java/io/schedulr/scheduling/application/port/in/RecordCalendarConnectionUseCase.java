package io.schedulr.scheduling.application.port.in;

import io.smallrye.mutiny.Uni;

/** Keeps each person's calendar connection state, as calendar-sync-service announces its changes. */
public interface RecordCalendarConnectionUseCase {
    enum Outcome {
        /** The state now stored. */
        APPLIED,
        /** A newer state was already stored (a replay or an out-of-order delivery); nothing changed. */
        OLDER_THAN_STORED
    }

    Uni<Outcome> record(RecordCalendarConnectionCommand command);
}
