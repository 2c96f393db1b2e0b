package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** For admins linking team members: the Cal.com users who host the event types, and the member each is linked to. */
public interface CalcomUsersUseCase {
    /** Sorted by name; a non-admin is 403 {@code admin_only} before Cal.com is asked. */
    Uni<List<CalcomUser>> list(Actor admin);

    /** @param linked the team member with this {@code calcomUserId} (active or not), or null */
    record CalcomUser(long calcomUserId, String name, TeamMember linked) {
    }
}
