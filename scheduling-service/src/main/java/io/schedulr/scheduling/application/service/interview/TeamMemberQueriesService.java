package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.TeamMemberQueriesUseCase;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.application.port.out.interview.TeamMemberStore;
import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** Lists members; like every authenticated call, it refreshes the caller's profile from the token first. */
public class TeamMemberQueriesService implements TeamMemberQueriesUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final TeamMemberStore members;

    public TeamMemberQueriesService(UnitOfWork tx, UserDirectoryPort users, TeamMemberStore members) {
        this.tx = tx;
        this.users = users;
        this.members = members;
    }

    @Override
    public Uni<List<TeamMember>> list(Actor viewer, boolean includeInactive) {
        if (includeInactive) {
            viewer.requireAdmin("list deactivated team members");
        }
        return tx.inTransaction(() -> users.upsert(viewer.person()).chain(() -> members.list(includeInactive)));
    }
}
