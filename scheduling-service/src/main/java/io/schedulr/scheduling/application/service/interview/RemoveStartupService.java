package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.RemoveStartupCommand;
import io.schedulr.scheduling.application.port.in.interview.RemoveStartupUseCase;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.application.port.out.interview.ContactStore;
import io.schedulr.scheduling.application.port.out.interview.InterviewStore;
import io.schedulr.scheduling.application.port.out.interview.StartupStore;
import io.schedulr.scheduling.domain.ConflictException;
import io.schedulr.scheduling.domain.interview.Contact;
import io.schedulr.scheduling.domain.interview.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * Anyone signed in removes a startup (as anyone signed in adds one) that no interview names, with its contacts; audited as
 * {@code startup.removed} and one {@code startup_contact.removed} per contact. One an interview names — the startup or one
 * of its contacts, as a guest of another startup's interview too — stays: 409 {@code startup_in_use}.
 */
public class RemoveStartupService implements RemoveStartupUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final StartupStore startups;
    private final ContactStore contacts;
    private final InterviewStore interviews;
    private final AuditTrailPort audit;

    public RemoveStartupService(UnitOfWork tx, UserDirectoryPort users, StartupStore startups, ContactStore contacts,
                                InterviewStore interviews, AuditTrailPort audit) {
        this.tx = tx;
        this.users = users;
        this.startups = startups;
        this.contacts = contacts;
        this.interviews = interviews;
        this.audit = audit;
    }

    @Override
    public Uni<Void> remove(RemoveStartupCommand command) {
        String actorId = command.actor().id();
        return tx.inTransaction(() -> users.upsert(command.actor().person())
                .chain(() -> startups.find(command.startupId()))
                .map(found -> found.orElseThrow(() -> StartupQueriesService.notFound(command.startupId())))
                .chain(startup -> contacts.listRemoving(startup.id()).chain(its -> interviews.countNaming(startup.id(),
                                its.stream().map(Contact::id).toList())
                        .chain(named -> {
                            if (named > 0) {
                                throw inUse(startup, named);
                            }
                            // One after the other: they share the transaction's session.
                            return Multi.createFrom().iterable(its)
                                    .onItem().transformToUniAndConcatenate(c -> contacts.remove(c).call(() -> audit.recordEntity(actorId,
                                            "startup_contact.removed", ContactRegistration.ENTITY, c.id().toString(), c, null)))
                                    .collect().asList();
                        })
                        .chain(() -> startups.remove(startup))
                        .call(() -> audit.recordEntity(actorId, "startup.removed", AddStartupService.ENTITY, startup.id().toString(),
                                startup, null)))));
    }

    private static ConflictException inUse(Startup startup, long interviews) {
        return new ConflictException("startup_in_use", interviews + (interviews == 1 ? " interview names " : " interviews name ")
                + startup.name() + " or one of its contacts, so it stays; correct its name or website instead.");
    }
}
