package io.schedulr.scheduling.adapter.in.rest.interview;

import io.quarkus.security.identity.SecurityIdentity;
import io.schedulr.kit.security.Caller;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.scheduling.domain.UserProfile;
import io.schedulr.scheduling.domain.interview.Actor;

/** The caller as the team and startup routes see them. */
final class TeamActors {
    private TeamActors() {
    }

    /** Admin when the token's role claim ({@code groups}) holds {@code admin}. */
    static Actor of(CurrentCaller current, SecurityIdentity identity) {
        Caller caller = current.get();
        String name = caller.name() != null ? caller.name() : caller.email();
        // The zone only when the token states one (see Callers#toProfile).
        return new Actor(new UserProfile(caller.id(), caller.email(), name == null ? caller.id() : name, current.statedZone()),
                identity.hasRole("admin"));
    }
}
