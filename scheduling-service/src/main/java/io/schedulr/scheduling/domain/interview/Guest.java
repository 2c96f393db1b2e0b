package io.schedulr.scheduling.domain.interview;

import io.schedulr.scheduling.domain.InvalidRequestException;

import java.time.Instant;
import java.util.UUID;

/**
 * An external person invited to an interview, typed in or taken from a startup's contacts.
 *
 * @param contactId the contact this guest was taken from; null when typed in
 * @param sentAt    when their invitation was sent; null while {@link Invitation#PENDING}
 */
public record Guest(String name, String email, String role, String company, UUID contactId, Invitation invitation, Instant sentAt) {
    public enum Invitation { PENDING, SENT }

    /** A new guest, invitation pending; refuses a missing name, an unusable address or over-long fields. */
    public static Guest of(String name, String email, String role, String company, UUID contactId) {
        String cleanName = PlainText.require(name, "guests.name", PlainText.MAX_NAME);
        String address = EmailAddress.require(email, "guests.email");
        return new Guest(cleanName, address, PlainText.optional(role, "guests.role", PlainText.MAX_ROLE),
                PlainText.optional(company, "guests.company", PlainText.MAX_NAME), contactId, Invitation.PENDING, null);
    }

    public Guest sent(Instant at) {
        return invitation == Invitation.SENT ? this : new Guest(name, email, role, company, contactId, Invitation.SENT, at);
    }

    /** The same guest at another address (their contact's corrected one), invited there at {@code invitedAt} if invited at all. */
    Guest reachedAt(String address, Instant invitedAt) {
        return new Guest(name, address, role, company, contactId, invitation, invitation == Invitation.SENT ? invitedAt : null);
    }

    /**
     * This guest as typed now, at the address as {@code kept} (the same address in any case, on the list before) has it and
     * invited when it was.
     */
    Guest invitedAs(Guest kept) {
        return new Guest(name, kept.email, role, company, contactId, kept.invitation, kept.sentAt);
    }

    boolean sameAddress(Guest other) {
        return EmailAddress.same(email, other.email);
    }

    static InvalidRequestException duplicate(String email) {
        return new InvalidRequestException("duplicate_guest", "'" + email + "' is listed twice among the guests.");
    }
}
