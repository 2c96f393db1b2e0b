package io.schedulr.scheduling.adapter.in.rest.interview;

import io.schedulr.scheduling.domain.interview.TeamMember;

/** A team member as {@code /api/team-members} answers it. */
public record TeamMemberResponse(String id, String name, String email, String role, Long calcomUserId, boolean active) {
    static TeamMemberResponse of(TeamMember m) {
        return new TeamMemberResponse(m.id().toString(), m.name(), m.email(), m.role(), m.calcomUserId(), m.active());
    }
}
