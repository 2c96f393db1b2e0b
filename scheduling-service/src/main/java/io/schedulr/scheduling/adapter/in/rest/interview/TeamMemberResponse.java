package io.schedulr.scheduling.adapter.in.rest.interview;

import io.schedulr.scheduling.domain.interview.TeamMember;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A team member as {@code /api/team-members} answers it. */
@Schema(description = "One of our interviewers.")
public record TeamMemberResponse(
        @Schema(description = "Team member id (a UUID).", example = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f") String id,
        @Schema(description = "Full name.", example = "Grace Hopper") String name,
        @Schema(description = "Email address.", example = "grace@schedulr.example") String email,
        @Schema(description = "Role in the team.", example = "Partner") String role,
        @Schema(description = "Their Cal.com user id; null when not linked.", example = "1042", nullable = true) Long calcomUserId,
        @Schema(description = "false once deactivated.", example = "true") boolean active) {
    static TeamMemberResponse of(TeamMember m) {
        return new TeamMemberResponse(m.id().toString(), m.name(), m.email(), m.role(), m.calcomUserId(), m.active());
    }
}
