package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.out.interview.TeamMemberStore;
import io.schedulr.scheduling.domain.ConflictException;
import io.schedulr.scheduling.domain.NotFoundException;
import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * The uniqueness of a member's email and Cal.com user, checked before writing so the answer is a clear 409 (the
 * store's unique indexes are the backstop for two requests at once).
 */
final class TeamRules {
    static final String ENTITY = "team_member";

    private TeamRules() {
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException("team_member_not_found", "No team member " + id + ".");
    }

    static Uni<TeamMember> requireUnique(TeamMemberStore members, TeamMember member) {
        Uni<Void> calcom = member.calcomUserId() == null ? Uni.createFrom().voidItem()
                : members.findByCalcomUserId(member.calcomUserId()).invoke(other -> {
                    if (other.isPresent() && !other.get().id().equals(member.id())) {
                        throw new ConflictException("team_member_calcom_user_taken",
                                "Cal.com user " + member.calcomUserId() + " is linked to " + other.get().name() + " already.");
                    }
                }).replaceWithVoid();
        return members.findByEmail(member.email()).invoke(other -> {
            if (other.isPresent() && !other.get().id().equals(member.id())) {
                throw new ConflictException("team_member_email_taken", "Another team member has the email address " + member.email() + ".");
            }
        }).chain(() -> calcom).replaceWith(member);
    }
}
