package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Uni;

/** Admins only (403 {@code admin_only}); 404 {@code team_member_not_found}; 409 on another member's email. */
public interface EditTeamMemberUseCase {
    Uni<TeamMember> edit(EditTeamMemberCommand command);
}
