package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.AddStartupCommand;
import io.schedulr.scheduling.application.port.in.interview.AddStartupUseCase;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.application.port.out.interview.StartupStore;
import io.schedulr.scheduling.domain.ConflictException;
import io.schedulr.scheduling.domain.interview.Startup;
import io.smallrye.mutiny.Uni;

/**
 * Adds a startup. A name another startup has (without regard to case) is refused with 409
 * {@code startup_name_taken} rather than answered with the existing one, so a typo'd duplicate is noticed; the
 * client searches ({@code GET /api/startups?q=}) to pick the existing startup.
 */
public class AddStartupService implements AddStartupUseCase {
    static final String ENTITY = "startup";
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final StartupStore startups;
    private final AuditTrailPort audit;

    public AddStartupService(UnitOfWork tx, UserDirectoryPort users, StartupStore startups, AuditTrailPort audit) {
        this.tx = tx;
        this.users = users;
        this.startups = startups;
        this.audit = audit;
    }

    @Override
    public Uni<Startup> add(AddStartupCommand command) {
        Startup startup = Startup.create(command.name(), command.website());
        return tx.inTransaction(() -> users.upsert(command.actor().person())
                .chain(() -> startups.findByName(startup.name()))
                .chain(existing -> {
                    if (existing.isPresent()) {
                        throw nameTaken(existing.get());
                    }
                    return startups.add(startup);
                })
                .call(added -> audit.recordEntity(command.actor().id(), "startup.added", ENTITY, added.id().toString(), null, added)));
    }

    /** 409 for a name another startup has (without regard to case). */
    static ConflictException nameTaken(Startup existing) {
        return new ConflictException("startup_name_taken", "The startup " + existing.name() + " exists already (id " + existing.id() + ").");
    }
}
