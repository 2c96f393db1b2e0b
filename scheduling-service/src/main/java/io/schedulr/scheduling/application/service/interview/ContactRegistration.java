package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.interview.ContactStore;
import io.schedulr.scheduling.application.port.out.interview.StartupStore;
import io.schedulr.scheduling.domain.ConflictException;
import io.schedulr.scheduling.domain.NotFoundException;
import io.schedulr.scheduling.domain.interview.Contact;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * Adds a contact to an existing startup inside the caller's transaction: 404 {@code startup_not_found}, 409
 * {@code contact_email_taken} for an address another contact of the startup has, an audit row
 * {@code startup_contact.added}. Used by {@code POST /api/startups/{id}/contacts} and by an interview's step 1 when the
 * contact is typed in there.
 */
public class ContactRegistration {
    static final String ENTITY = "startup_contact";
    private final StartupStore startups;
    private final ContactStore contacts;
    private final AuditTrailPort audit;

    public ContactRegistration(StartupStore startups, ContactStore contacts, AuditTrailPort audit) {
        this.startups = startups;
        this.contacts = contacts;
        this.audit = audit;
    }

    /** Must run in a transaction the caller opened ({@code UnitOfWork.inTransaction}). */
    public Uni<Contact> register(String actorId, Contact contact) {
        return startups.find(contact.startupId())
                .invoke(startup -> {
                    if (startup.isEmpty()) {
                        throw StartupQueriesService.notFound(contact.startupId());
                    }
                })
                .chain(() -> contacts.findByEmail(contact.startupId(), contact.email()))
                .chain(existing -> {
                    if (existing.isPresent()) {
                        throw emailTaken(contact.email(), existing.get());
                    }
                    return contacts.add(contact);
                })
                .call(added -> audit.recordEntity(actorId, "startup_contact.added", ENTITY, added.id().toString(), null, added));
    }

    /** 409 for an address another contact of the startup has. */
    /** A contact that does not exist, or is not the named startup's. */
    static NotFoundException notFound(UUID contactId) {
        return new NotFoundException("contact_not_found", "No contact " + contactId + ".");
    }

    static ConflictException emailTaken(String email, Contact existing) {
        return new ConflictException("contact_email_taken", "This startup has a contact with the email address " + email + " already: "
                + existing.name() + " (id " + existing.id() + ").");
    }
}
