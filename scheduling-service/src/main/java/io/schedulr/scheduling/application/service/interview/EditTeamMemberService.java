package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.EditTeamMemberCommand;
import io.schedulr.scheduling.application.port.in.interview.EditTeamMemberUseCase;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.application.port.out.interview.TeamMemberStore;
import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Uni;

import java.time.Clock;

/**
 * An admin changes a member's name, email, role or Cal.com user, or (de)activates them; audited as
 * {@code team_member.edited}, {@code team_member.deactivated} or {@code team_member.reactivated}. A change to what
 * the member already is still answers the member, without an audit row. A changed address reaches the interviews with the
 * member on their team in the same transaction ({@link AddressCorrections}): a booked one invites the new address now.
 */
public class EditTeamMemberService implements EditTeamMemberUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final TeamMemberStore members;
    private final AuditTrailPort audit;
    private final AddressCorrections corrections;
    private final Clock clock;

    public EditTeamMemberService(UnitOfWork tx, UserDirectoryPort users, TeamMemberStore members, AuditTrailPort audit,
                                 AddressCorrections corrections, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.members = members;
        this.audit = audit;
        this.corrections = corrections;
        this.clock = clock;
    }

    @Override
    public Uni<TeamMember> edit(EditTeamMemberCommand command) {
        command.actor().requireAdmin("change team members");
        return tx.inTransaction(() -> users.upsert(command.actor().person())
                .chain(() -> members.find(command.memberId()))
                .map(found -> found.orElseThrow(() -> TeamRules.notFound(command.memberId())))
                .chain(before -> {
                    TeamMember after = apply(before, command);
                    if (after.equals(before)) {
                        return Uni.createFrom().item(before);
                    }
                    return TeamRules.requireUnique(members, after)
                            .chain(members::update)
                            .call(saved -> audit.recordEntity(command.actor().id(), action(before, saved), TeamRules.ENTITY,
                                    saved.id().toString(), before, saved))
                            .call(saved -> corrections.member(command.actor().id(), before, saved, clock.instant()));
                }));
    }

    private static TeamMember apply(TeamMember member, EditTeamMemberCommand c) {
        TeamMember m = member;
        if (c.name() != null) {
            m = m.rename(c.name());
        }
        if (c.email() != null) {
            m = m.withEmail(c.email());
        }
        if (c.role() != null) {
            m = m.withRole(c.role());
        }
        if (c.calcomUserIdGiven()) {
            m = m.withCalcomUserId(c.calcomUserId());
        }
        if (c.active() != null) {
            m = c.active() ? m.activate() : m.deactivate();
        }
        return m;
    }

    private static String action(TeamMember before, TeamMember after) {
        if (before.active() && !after.active()) {
            return "team_member.deactivated";
        }
        if (!before.active() && after.active()) {
            return "team_member.reactivated";
        }
        return "team_member.edited";
    }
}
