package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** Every signed-in person sees the active members with their roles; only admins also see deactivated ones. */
public interface TeamMemberQueriesUseCase {
    /** Sorted by name; {@code includeInactive} by a non-admin is 403 {@code admin_only}. */
    Uni<List<TeamMember>> list(Actor viewer, boolean includeInactive);
}
