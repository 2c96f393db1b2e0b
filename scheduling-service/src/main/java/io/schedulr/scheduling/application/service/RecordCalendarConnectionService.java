package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.RecordCalendarConnectionCommand;
import io.schedulr.scheduling.application.port.in.RecordCalendarConnectionUseCase;
import io.schedulr.scheduling.application.port.out.SaveCalendarConnectionPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.smallrye.mutiny.Uni;

/**
 * Stores a person's announced calendar connection, never moving it backwards: a redelivered or replayed change, or one
 * that arrives after a newer one, leaves the newer state in place.
 */
public class RecordCalendarConnectionService implements RecordCalendarConnectionUseCase {
    private final UnitOfWork tx;
    private final SaveCalendarConnectionPort connections;

    public RecordCalendarConnectionService(UnitOfWork tx, SaveCalendarConnectionPort connections) {
        this.tx = tx;
        this.connections = connections;
    }

    @Override
    public Uni<Outcome> record(RecordCalendarConnectionCommand command) {
        return tx.inTransaction(() -> connections.saveUnlessOlder(command.connection()))
                .map(saved -> saved ? Outcome.APPLIED : Outcome.OLDER_THAN_STORED);
    }
}
