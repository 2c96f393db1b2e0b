package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.AddTeamMemberCommand;
import io.schedulr.scheduling.application.port.in.interview.AddTeamMemberUseCase;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.application.port.out.interview.TeamMemberStore;
import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Uni;

/** An admin adds a member: unique email and Cal.com user, audited in the same transaction. */
public class AddTeamMemberService implements AddTeamMemberUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final TeamMemberStore members;
    private final AuditTrailPort audit;

    public AddTeamMemberService(UnitOfWork tx, UserDirectoryPort users, TeamMemberStore members, AuditTrailPort audit) {
        this.tx = tx;
        this.users = users;
        this.members = members;
        this.audit = audit;
    }

    @Override
    public Uni<TeamMember> add(AddTeamMemberCommand command) {
        command.actor().requireAdmin("add team members");
        TeamMember member = TeamMember.create(command.name(), command.email(), command.role(), command.calcomUserId());
        return tx.inTransaction(() -> users.upsert(command.actor().person())
                .chain(() -> TeamRules.requireUnique(members, member))
                .chain(members::add)
                .call(added -> audit.recordEntity(command.actor().id(), "team_member.added", TeamRules.ENTITY, added.id().toString(), null,
                        added)));
    }
}
