package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Uni;

/** Admins only (403 {@code admin_only}); an email another member has is 409 {@code team_member_email_taken}. */
public interface AddTeamMemberUseCase {
    Uni<TeamMember> add(AddTeamMemberCommand command);
}
