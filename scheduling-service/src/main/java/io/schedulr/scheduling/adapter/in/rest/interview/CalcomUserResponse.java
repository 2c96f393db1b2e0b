package io.schedulr.scheduling.adapter.in.rest.interview;

import io.schedulr.scheduling.application.port.in.interview.CalcomUsersUseCase.CalcomUser;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A Cal.com user as {@code /api/team-members/calcom-users} answers it. */
@Schema(description = "A Cal.com user who hosts event types, with the team member linked to them.")
public record CalcomUserResponse(
        @Schema(description = "Their Cal.com user id, as a team member's calcomUserId.", example = "1042") long calcomUserId,
        @Schema(description = "Their name on Cal.com.", example = "Grace Hopper") String name,
        @Schema(description = "The team member linked to them (active or not); null when none is.", nullable = true)
        TeamMemberResponse teamMember) {
    static CalcomUserResponse of(CalcomUser u) {
        return new CalcomUserResponse(u.calcomUserId(), u.name(), u.linked() == null ? null : TeamMemberResponse.of(u.linked()));
    }
}
