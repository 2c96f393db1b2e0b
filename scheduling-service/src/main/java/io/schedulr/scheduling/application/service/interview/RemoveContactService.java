package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.RemoveContactCommand;
import io.schedulr.scheduling.application.port.in.interview.RemoveContactUseCase;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.application.port.out.interview.ContactStore;
import io.schedulr.scheduling.application.port.out.interview.InterviewStore;
import io.schedulr.scheduling.domain.ConflictException;
import io.schedulr.scheduling.domain.interview.Contact;
import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * Anyone signed in removes a contact (as anyone signed in adds one) that no interview names; audited as
 * {@code startup_contact.removed} with the contact as it was. One an interview names stays, so that the interview's record
 * stays whole: 409 {@code contact_in_use}.
 */
public class RemoveContactService implements RemoveContactUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final ContactStore contacts;
    private final InterviewStore interviews;
    private final AuditTrailPort audit;

    public RemoveContactService(UnitOfWork tx, UserDirectoryPort users, ContactStore contacts, InterviewStore interviews, AuditTrailPort audit) {
        this.tx = tx;
        this.users = users;
        this.contacts = contacts;
        this.interviews = interviews;
        this.audit = audit;
    }

    @Override
    public Uni<Void> remove(RemoveContactCommand command) {
        return tx.inTransaction(() -> users.upsert(command.actor().person())
                // Held first, so that an interview taking the contact as a guest meanwhile is counted (or finds it gone).
                .chain(() -> contacts.findRemoving(command.contactId()))
                .map(found -> found.filter(c -> c.startupId().equals(command.startupId()))
                        .orElseThrow(() -> ContactRegistration.notFound(command.contactId())))
                .call(contact -> interviews.countNaming(null, List.of(contact.id())).invoke(named -> {
                    if (named > 0) {
                        throw inUse(contact, named);
                    }
                }))
                .call(contacts::remove)
                .call(contact -> audit.recordEntity(command.actor().id(), "startup_contact.removed", ContactRegistration.ENTITY,
                        contact.id().toString(), contact, null))
                .replaceWithVoid());
    }

    private static ConflictException inUse(Contact contact, long interviews) {
        return new ConflictException("contact_in_use", contact.name() + " is named by " + interviews + (interviews == 1 ? " interview" : " interviews")
                + " (as its contact or a guest), so they stay; correct their address or role instead.");
    }
}
