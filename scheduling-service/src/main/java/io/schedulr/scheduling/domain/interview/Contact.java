package io.schedulr.scheduling.domain.interview;

import java.util.Objects;
import java.util.UUID;

/**
 * A person at a startup we talk to (founder, CEO …). The email is unique among one startup's contacts without regard
 * to case (the store refuses a second one); the role is optional.
 */
public record Contact(UUID id, UUID startupId, String name, String email, String role) {
    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startupId, "startupId");
        name = PlainText.require(name, "name", PlainText.MAX_NAME);
        email = EmailAddress.require(email, "email");
        role = PlainText.optional(role, "role", PlainText.MAX_ROLE);
    }

    /** A new contact of the startup; refuses a missing name, an address mail cannot reach or an over-long role (400). */
    public static Contact create(UUID startupId, String name, String email, String role) {
        return new Contact(UUID.randomUUID(), startupId, name, email, role);
    }

    public Contact rename(String newName) {
        return new Contact(id, startupId, newName, email, role);
    }

    public Contact withEmail(String newEmail) {
        return new Contact(id, startupId, name, newEmail, role);
    }

    /** Sets the role, or with null (or blank) removes it. */
    public Contact withRole(String newRole) {
        return new Contact(id, startupId, name, email, newRole);
    }

    public boolean hasEmail(String address) {
        return EmailAddress.same(email, address);
    }
}
