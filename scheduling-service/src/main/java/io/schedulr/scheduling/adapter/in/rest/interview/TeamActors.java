package io.schedulr.scheduling.adapter.in.rest.interview;

import io.quarkus.security.identity.SecurityIdentity;
import io.schedulr.kit.security.Caller;
import io.schedulr.scheduling.domain.UserProfile;
import io.schedulr.scheduling.domain.interview.Actor;

/** The caller as the team and startup routes see them. */
final class TeamActors {
    private TeamActors() {
    }

    /** Admin when the token's role claim ({@code groups}) holds {@code admin}. */
    static Actor of(Caller caller, SecurityIdentity identity) {
        String name = caller.name() != null ? caller.name() : caller.email();
        return new Actor(new UserProfile(caller.id(), caller.email(), name == null ? caller.id() : name, caller.timeZone()),
                identity.hasRole("admin"));
    }
}
