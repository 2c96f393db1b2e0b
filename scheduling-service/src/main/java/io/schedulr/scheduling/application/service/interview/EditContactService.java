package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.EditContactCommand;
import io.schedulr.scheduling.application.port.in.interview.EditContactUseCase;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.application.port.out.interview.ContactStore;
import io.schedulr.scheduling.domain.interview.Contact;
import io.smallrye.mutiny.Uni;

import java.time.Clock;

/**
 * Anyone signed in changes a contact's name, address or role (as anyone signed in adds one); audited as
 * {@code startup_contact.edited}. A contact of another startup is 404 {@code contact_not_found}, as one that does not
 * exist; an address another contact of the startup has is 409 {@code contact_email_taken}. A changed address reaches the
 * interviews that name the contact in the same transaction ({@link AddressCorrections}): a booked one invites the new
 * address now.
 */
public class EditContactService implements EditContactUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final ContactStore contacts;
    private final AuditTrailPort audit;
    private final AddressCorrections corrections;
    private final Clock clock;

    public EditContactService(UnitOfWork tx, UserDirectoryPort users, ContactStore contacts, AuditTrailPort audit,
                              AddressCorrections corrections, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.contacts = contacts;
        this.audit = audit;
        this.corrections = corrections;
        this.clock = clock;
    }

    @Override
    public Uni<Contact> edit(EditContactCommand command) {
        return tx.inTransaction(() -> users.upsert(command.actor().person())
                .chain(() -> contacts.find(command.contactId()))
                .map(found -> found.filter(c -> c.startupId().equals(command.startupId()))
                        .orElseThrow(() -> ContactRegistration.notFound(command.contactId())))
                .chain(before -> {
                    Contact after = apply(before, command);
                    if (after.equals(before)) {
                        return Uni.createFrom().item(before);
                    }
                    return contacts.findByEmail(after.startupId(), after.email())
                            .chain(sameAddress -> {
                                if (sameAddress.isPresent() && !sameAddress.get().id().equals(after.id())) {
                                    throw ContactRegistration.emailTaken(after.email(), sameAddress.get());
                                }
                                return contacts.update(after);
                            })
                            .call(saved -> audit.recordEntity(command.actor().id(), "startup_contact.edited", ContactRegistration.ENTITY,
                                    saved.id().toString(), before, saved))
                            .call(saved -> corrections.contact(command.actor().id(), before, saved, clock.instant()));
                }));
    }

    private static Contact apply(Contact contact, EditContactCommand c) {
        Contact edited = contact;
        if (c.name() != null) {
            edited = edited.rename(c.name());
        }
        if (c.email() != null) {
            edited = edited.withEmail(c.email());
        }
        if (c.roleGiven()) {
            edited = edited.withRole(c.role());
        }
        return edited;
    }
}
