package io.schedulr.scheduling.domain.interview;

import io.schedulr.scheduling.domain.InvalidRequestException;

import java.util.Objects;
import java.util.UUID;

/**
 * One of our people who interview startups. The email is unique among team members without regard to case (the
 * store refuses a second one); {@code calcomUserId} links them to their Cal.com user when they have one. A member
 * who left is deactivated, never deleted, so past interviews still name them; only active members can be put on new
 * interviews. Every constructor call checks the rules, so an instance is always valid.
 */
public record TeamMember(UUID id, String name, String email, String role, Long calcomUserId, boolean active) {
    public TeamMember {
        Objects.requireNonNull(id, "id");
        name = PlainText.require(name, "name", PlainText.MAX_NAME);
        email = EmailAddress.require(email, "email");
        role = PlainText.require(role, "role", PlainText.MAX_ROLE);
        if (calcomUserId != null && calcomUserId <= 0) {
            throw new InvalidRequestException("invalid_calcom_user_id", "'calcomUserId' is a Cal.com user id: a positive number.");
        }
    }

    /** A new, active member. */
    public static TeamMember create(String name, String email, String role, Long calcomUserId) {
        return new TeamMember(UUID.randomUUID(), name, email, role, calcomUserId, true);
    }

    public TeamMember rename(String newName) {
        return new TeamMember(id, newName, email, role, calcomUserId, active);
    }

    public TeamMember withEmail(String newEmail) {
        return new TeamMember(id, name, newEmail, role, calcomUserId, active);
    }

    public TeamMember withRole(String newRole) {
        return new TeamMember(id, name, email, newRole, calcomUserId, active);
    }

    /** Links (or with null unlinks) the member's Cal.com user. */
    public TeamMember withCalcomUserId(Long newCalcomUserId) {
        return new TeamMember(id, name, email, role, newCalcomUserId, active);
    }

    public TeamMember deactivate() {
        return new TeamMember(id, name, email, role, calcomUserId, false);
    }

    public TeamMember activate() {
        return new TeamMember(id, name, email, role, calcomUserId, true);
    }

    /** Whether this member has the address, without regard to case. */
    public boolean hasEmail(String address) {
        return EmailAddress.same(email, address);
    }

    /** For putting the member on an interview: refuses with 400 {@code team_member_inactive} when they left. */
    public TeamMember requireActive() {
        if (!active) {
            throw new InvalidRequestException("team_member_inactive", "Team member " + name + " is no longer active.");
        }
        return this;
    }
}
