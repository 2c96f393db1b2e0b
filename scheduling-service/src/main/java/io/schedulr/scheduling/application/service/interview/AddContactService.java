package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.AddContactCommand;
import io.schedulr.scheduling.application.port.in.interview.AddContactUseCase;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.interview.Contact;
import io.smallrye.mutiny.Uni;

/** Anyone signed in adds a contact to a startup (see {@link ContactRegistration}). */
public class AddContactService implements AddContactUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final ContactRegistration registration;

    public AddContactService(UnitOfWork tx, UserDirectoryPort users, ContactRegistration registration) {
        this.tx = tx;
        this.users = users;
        this.registration = registration;
    }

    @Override
    public Uni<Contact> add(AddContactCommand command) {
        Contact contact = Contact.create(command.startupId(), command.name(), command.email(), command.role());
        return tx.inTransaction(() -> users.upsert(command.actor().person())
                .chain(() -> registration.register(command.actor().id(), contact)));
    }
}
