package io.schedulr.scheduling.adapter.out.persistence.interview;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.schedulr.scheduling.application.port.out.interview.ContactStore;
import io.schedulr.scheduling.domain.ConflictException;
import io.schedulr.scheduling.domain.NotFoundException;
import io.schedulr.scheduling.domain.interview.Contact;
import io.schedulr.scheduling.domain.interview.EmailAddress;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** startup_contact rows through their Panache entity, in the session (and transaction) of the caller. */
@ApplicationScoped
public class PanacheContactStore implements ContactStore {
    static final String EMAIL_INDEX = "startup_contact_email_unique";
    /** PostgreSQL's name for interview.contact_id's foreign key (V8). */
    static final String INTERVIEW_CONTACT_KEY = "interview_contact_id_fkey";

    @Inject
    Clock clock;

    @Override
    public Uni<Optional<Contact>> find(UUID id) {
        return Panache.getSession().chain(s -> s.find(StartupContactEntity.class, id))
                .map(e -> Optional.ofNullable(e).map(PanacheContactStore::toDomain));
    }

    /** A shared row lock (PostgreSQL {@code FOR SHARE}): a removal's exclusive lock waits for it, and it for a removal. */
    @Override
    public Uni<Optional<Contact>> findKeeping(UUID id) {
        return Panache.getSession().chain(s -> s.find(StartupContactEntity.class, id, LockModeType.PESSIMISTIC_READ))
                .map(e -> Optional.ofNullable(e).map(PanacheContactStore::toDomain));
    }

    @Override
    public Uni<Optional<Contact>> findRemoving(UUID id) {
        return Panache.getSession().chain(s -> s.find(StartupContactEntity.class, id, LockModeType.PESSIMISTIC_WRITE))
                .map(e -> Optional.ofNullable(e).map(PanacheContactStore::toDomain));
    }

    @Override
    public Uni<List<Contact>> listRemoving(UUID startupId) {
        return StartupContactEntity.<StartupContactEntity>find("startupId = ?1 order by lower(name), id", startupId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .map(list -> list.stream().map(PanacheContactStore::toDomain).toList());
    }

    @Override
    public Uni<Optional<Contact>> findByEmail(UUID startupId, String email) {
        return StartupContactEntity.<StartupContactEntity>find("startupId = ?1 and lower(email) = ?2", startupId, EmailAddress.key(email))
                .firstResult().map(e -> Optional.ofNullable(e).map(PanacheContactStore::toDomain));
    }

    @Override
    public Uni<List<Contact>> listOf(UUID startupId) {
        return StartupContactEntity.<StartupContactEntity>find("startupId = ?1 order by lower(name), id", startupId).list()
                .map(list -> list.stream().map(PanacheContactStore::toDomain).toList());
    }

    @Override
    public Uni<List<Contact>> listOf(Collection<UUID> startupIds) {
        if (startupIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return StartupContactEntity.<StartupContactEntity>find("startupId in ?1 order by lower(name), id",
                        startupIds.stream().distinct().toList()).list()
                .map(list -> list.stream().map(PanacheContactStore::toDomain).toList());
    }

    @Override
    public Uni<Contact> add(Contact contact) {
        StartupContactEntity e = new StartupContactEntity();
        e.id = contact.id();
        e.startupId = contact.startupId();
        e.name = contact.name();
        e.email = contact.email();
        e.role = contact.role();
        e.updatedAt = clock.instant();
        return Panache.getSession().chain(s -> s.persist(e).chain(s::flush))
                .onFailure(f -> UniqueViolations.of(f, EMAIL_INDEX))
                .transform(f -> emailTaken())
                .replaceWith(contact);
    }

    @Override
    public Uni<Contact> update(Contact contact) {
        return Panache.getSession().chain(s -> s.find(StartupContactEntity.class, contact.id())
                        .chain(e -> {
                            if (e == null) {
                                throw new NotFoundException("contact_not_found", "No contact " + contact.id() + ".");
                            }
                            e.name = contact.name();
                            e.email = contact.email();
                            e.role = contact.role();
                            e.updatedAt = clock.instant();
                            return s.flush();
                        }))
                .onFailure(f -> UniqueViolations.of(f, EMAIL_INDEX))
                .transform(f -> emailTaken())
                .replaceWith(contact);
    }

    /** An interview that came to name the contact after the caller asked (a race) keeps it: its foreign key refuses. */
    @Override
    public Uni<Void> remove(Contact contact) {
        return Panache.getSession().chain(s -> s.find(StartupContactEntity.class, contact.id())
                        .chain(e -> e == null ? Uni.createFrom().voidItem() : s.remove(e).chain(s::flush)))
                .onFailure(f -> UniqueViolations.referenced(f, INTERVIEW_CONTACT_KEY))
                .transform(f -> new ConflictException("contact_in_use", contact.name() + " is named by an interview now, so they stay."))
                .replaceWithVoid();
    }

    static Contact toDomain(StartupContactEntity e) {
        return new Contact(e.id, e.startupId, e.name, e.email, e.role);
    }

    private static ConflictException emailTaken() {
        return new ConflictException("contact_email_taken", "This startup has a contact with this email address already.");
    }
}
