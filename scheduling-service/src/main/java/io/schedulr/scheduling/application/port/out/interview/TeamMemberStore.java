package io.schedulr.scheduling.application.port.out.interview;

import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Uni;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Team members, read and written in the caller's transaction. Emails are unique without regard to case and Cal.com
 * user ids are unique: {@link #add} and {@link #update} fail with {@code ConflictException}
 * ({@code team_member_email_taken}, {@code team_member_calcom_user_taken}) when another member has them.
 */
public interface TeamMemberStore {
    Uni<Optional<TeamMember>> find(UUID id);

    /** The members among {@code ids} that exist, in no particular order (missing ids are left out). */
    Uni<List<TeamMember>> findByIds(Collection<UUID> ids);

    /** The member with this address, compared without regard to case. */
    Uni<Optional<TeamMember>> findByEmail(String email);

    Uni<Optional<TeamMember>> findByCalcomUserId(long calcomUserId);

    /** Sorted by name (without regard to case), then id; inactive members only when asked for. */
    Uni<List<TeamMember>> list(boolean includeInactive);

    Uni<TeamMember> add(TeamMember member);

    /** Writes every field of an existing member (the last write wins). */
    Uni<TeamMember> update(TeamMember member);
}
