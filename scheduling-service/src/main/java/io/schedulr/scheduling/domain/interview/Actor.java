package io.schedulr.scheduling.domain.interview;

import io.schedulr.scheduling.domain.ForbiddenActionException;
import io.schedulr.scheduling.domain.UserProfile;

import java.util.Objects;

/**
 * Who asks: the signed-in person and whether their token carries the {@code admin} role. Admins manage the team;
 * everything else about startups, contacts and interviews is open to every signed-in person.
 */
public record Actor(UserProfile person, boolean admin) {
    public Actor {
        Objects.requireNonNull(person, "person");
    }

    public String id() {
        return person.id();
    }

    /** Refuses with 403 {@code admin_only} unless the actor is an admin; {@code what} completes "Only admins may …". */
    public Actor requireAdmin(String what) {
        if (!admin) {
            throw new ForbiddenActionException("admin_only", "Only admins may " + what + ".");
        }
        return this;
    }
}
