package io.schedulr.scheduling.adapter.in.rest.interview;

import io.quarkus.security.identity.SecurityIdentity;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.scheduling.adapter.in.rest.Callers;
import io.schedulr.scheduling.domain.interview.Actor;

/** The caller as the team and startup routes see them. */
final class TeamActors {
    private TeamActors() {
    }

    /** Admin when the token's role claim ({@code groups}) holds {@code admin}. */
    static Actor of(CurrentCaller current, SecurityIdentity identity) {
        return new Actor(Callers.toProfile(current), identity.hasRole("admin"));
    }
}
