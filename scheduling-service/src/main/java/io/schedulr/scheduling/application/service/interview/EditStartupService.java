package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.EditStartupCommand;
import io.schedulr.scheduling.application.port.in.interview.EditStartupUseCase;
import io.schedulr.scheduling.application.port.in.interview.StartupDetails;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.application.port.out.interview.ContactStore;
import io.schedulr.scheduling.application.port.out.interview.StartupStore;
import io.schedulr.scheduling.domain.interview.Startup;
import io.smallrye.mutiny.Uni;

/**
 * Anyone signed in renames a startup or changes its website (as anyone signed in adds one); audited as
 * {@code startup.edited}. A name another startup has (without regard to case) is 409 {@code startup_name_taken}; a
 * change to what the startup already is answers it without an audit row.
 */
public class EditStartupService implements EditStartupUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final StartupStore startups;
    private final ContactStore contacts;
    private final AuditTrailPort audit;

    public EditStartupService(UnitOfWork tx, UserDirectoryPort users, StartupStore startups, ContactStore contacts, AuditTrailPort audit) {
        this.tx = tx;
        this.users = users;
        this.startups = startups;
        this.contacts = contacts;
        this.audit = audit;
    }

    @Override
    public Uni<StartupDetails> edit(EditStartupCommand command) {
        return tx.inTransaction(() -> users.upsert(command.actor().person())
                .chain(() -> startups.find(command.startupId()))
                .map(found -> found.orElseThrow(() -> StartupQueriesService.notFound(command.startupId())))
                .chain(before -> {
                    Startup after = apply(before, command);
                    if (after.equals(before)) {
                        return Uni.createFrom().item(before);
                    }
                    return startups.findByName(after.name())
                            .chain(sameName -> {
                                if (sameName.isPresent() && !sameName.get().id().equals(after.id())) {
                                    throw AddStartupService.nameTaken(sameName.get());
                                }
                                return startups.update(after);
                            })
                            .call(saved -> audit.recordEntity(command.actor().id(), "startup.edited", AddStartupService.ENTITY,
                                    saved.id().toString(), before, saved));
                })
                .chain(saved -> contacts.listOf(saved.id()).map(list -> new StartupDetails(saved, list))));
    }

    private static Startup apply(Startup startup, EditStartupCommand c) {
        Startup s = startup;
        if (c.name() != null) {
            s = s.rename(c.name());
        }
        if (c.websiteGiven()) {
            s = s.withWebsite(c.website());
        }
        return s;
    }
}
