package io.schedulr.scheduling.adapter.out.persistence.interview;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.schedulr.scheduling.application.port.out.interview.TeamMemberStore;
import io.schedulr.scheduling.domain.ConflictException;
import io.schedulr.scheduling.domain.NotFoundException;
import io.schedulr.scheduling.domain.interview.EmailAddress;
import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** team_member rows through their Panache entity, in the session (and transaction) of the caller. */
@ApplicationScoped
public class PanacheTeamMemberStore implements TeamMemberStore {
    static final String EMAIL_INDEX = "team_member_email_unique";
    static final String CALCOM_USER_INDEX = "team_member_calcom_user_unique";
    /** A bound on one listing; a team is far smaller. */
    static final int MAX_LISTED = 1000;
    /** What the team_member_by_name index serves. */
    static final String BY_NAME = "order by lower(name), id";

    @Inject
    Clock clock;

    @Override
    public Uni<Optional<TeamMember>> find(UUID id) {
        return Panache.getSession().chain(s -> s.find(TeamMemberEntity.class, id)).map(e -> Optional.ofNullable(e).map(PanacheTeamMemberStore::toDomain));
    }

    @Override
    public Uni<List<TeamMember>> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // A multi-load by id, not "id in ?1", which Hibernate would translate again for every number of ids.
        return Panache.getSession().chain(s -> s.find(TeamMemberEntity.class, ids.stream().distinct().toArray()))
                .map(list -> list.stream().filter(Objects::nonNull).map(PanacheTeamMemberStore::toDomain).toList());
    }

    @Override
    public Uni<Optional<TeamMember>> findByEmail(String email) {
        return TeamMemberEntity.<TeamMemberEntity>find("lower(email) = ?1", EmailAddress.key(email)).firstResult()
                .map(e -> Optional.ofNullable(e).map(PanacheTeamMemberStore::toDomain));
    }

    @Override
    public Uni<Optional<TeamMember>> findByCalcomUserId(long calcomUserId) {
        return TeamMemberEntity.<TeamMemberEntity>find("calcomUserId", calcomUserId).firstResult()
                .map(e -> Optional.ofNullable(e).map(PanacheTeamMemberStore::toDomain));
    }

    @Override
    public Uni<List<TeamMember>> list(boolean includeInactive) {
        var query = TeamMemberEntity.<TeamMemberEntity>find(includeInactive ? BY_NAME : "active = true " + BY_NAME);
        return query.range(0, MAX_LISTED - 1).list().map(list -> list.stream().map(PanacheTeamMemberStore::toDomain).toList());
    }

    @Override
    public Uni<TeamMember> add(TeamMember member) {
        TeamMemberEntity e = new TeamMemberEntity();
        e.id = member.id();
        copy(member, e);
        return Panache.getSession().chain(s -> s.persist(e).chain(s::flush))
                .onFailure().transform(PanacheTeamMemberStore::conflict)
                .replaceWith(member);
    }

    @Override
    public Uni<TeamMember> update(TeamMember member) {
        return Panache.getSession().chain(s -> s.find(TeamMemberEntity.class, member.id())
                .chain(e -> {
                    if (e == null) {
                        throw new NotFoundException("team_member_not_found", "No team member " + member.id() + ".");
                    }
                    copy(member, e);
                    return s.flush();
                }))
                .onFailure().transform(PanacheTeamMemberStore::conflict)
                .replaceWith(member);
    }

    private static Throwable conflict(Throwable failure) {
        if (UniqueViolations.of(failure, EMAIL_INDEX)) {
            return new ConflictException("team_member_email_taken", "Another team member has this email address.");
        }
        if (UniqueViolations.of(failure, CALCOM_USER_INDEX)) {
            return new ConflictException("team_member_calcom_user_taken", "Another team member is linked to this Cal.com user.");
        }
        return failure;
    }

    private void copy(TeamMember member, TeamMemberEntity e) {
        e.name = member.name();
        e.email = member.email();
        e.role = member.role();
        e.calcomUserId = member.calcomUserId();
        e.active = member.active();
        e.updatedAt = clock.instant();
    }

    static TeamMember toDomain(TeamMemberEntity e) {
        return new TeamMember(e.id, e.name, e.email, e.role, e.calcomUserId, e.active);
    }
}
