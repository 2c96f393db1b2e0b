package io.schedulr.scheduling.application.port.out.interview;

import io.schedulr.scheduling.domain.interview.Contact;
import io.smallrye.mutiny.Uni;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Contacts of startups, read and written in the caller's transaction. An email is unique among one startup's contacts
 * without regard to case: {@link #add} fails with {@code ConflictException("contact_email_taken")} when another
 * contact of the same startup has it.
 */
public interface ContactStore {
    Uni<Optional<Contact>> find(UUID id);

    /**
     * The contact, kept from being removed until the caller's transaction ends: an interview that takes it as a guest
     * (which no foreign key guards) reads it so. A removal in progress is waited for, and then the contact is gone.
     */
    Uni<Optional<Contact>> findKeeping(UUID id);

    /**
     * The contact, held for removal: waits until the transactions keeping it ({@link #findKeeping}) have ended, so that
     * the interviews they wrote are counted before it goes.
     */
    Uni<Optional<Contact>> findRemoving(UUID id);

    /** A startup's contacts, each held for removal as {@link #findRemoving} holds one. */
    Uni<List<Contact>> listRemoving(UUID startupId);

    /** The startup's contact with this address, compared without regard to case. */
    Uni<Optional<Contact>> findByEmail(UUID startupId, String email);

    /** A startup's contacts, sorted by name then id. */
    Uni<List<Contact>> listOf(UUID startupId);

    /** The contacts of several startups at once, each startup's sorted by name then id. */
    Uni<List<Contact>> listOf(Collection<UUID> startupIds);

    Uni<Contact> add(Contact contact);

    /**
     * Writes the contact's name, email and role; an address another contact of the startup has fails with
     * {@code ConflictException("contact_email_taken")}.
     */
    Uni<Contact> update(Contact contact);

    /** Deletes the contact's row. */
    Uni<Void> remove(Contact contact);
}
