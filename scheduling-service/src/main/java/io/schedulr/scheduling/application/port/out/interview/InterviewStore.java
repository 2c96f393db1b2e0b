package io.schedulr.scheduling.application.port.out.interview;

import io.schedulr.scheduling.domain.interview.Interview;
import io.schedulr.scheduling.domain.interview.InterviewStatus;
import io.smallrye.mutiny.Uni;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Interviews, read and written in the caller's transaction. {@link #update} checks the version read: a transaction that
 * lost a race fails and runs again (see {@code UnitOfWork}).
 */
public interface InterviewStore {
    Uni<Optional<Interview>> find(UUID id);

    /** The interview of a Cal.com meeting: by its iCalendar UID, else by one of its booking uids. */
    Uni<Optional<Interview>> findByCalcom(String icalUid, Collection<String> bookingUids);

    Uni<Interview> insert(Interview interview);

    Uni<Interview> update(Interview interview);

    /**
     * Interviews a person sees (all of them for admins), newest start first, drafts by creation; {@code status} null for
     * every status, {@code startupId} null for every startup.
     */
    Uni<List<Interview>> list(Visibility visibility, InterviewStatus status, UUID startupId, int limit, int offset);

    /**
     * Interviews not cancelled that name a contact (as their contact, or a guest taken from it) or a team member (primary
     * or additional): whom a corrected address reaches. Exactly one of the two ids is given.
     */
    Uni<List<Interview>> listNaming(UUID contactId, UUID memberId);

    /**
     * How many interviews of any status (cancelled ones too: their record names them) belong to startup {@code startupId}
     * (when given) or name one of {@code contactIds} as their contact or as a guest taken from it.
     */
    Uni<Long> countNaming(UUID startupId, Collection<UUID> contactIds);

    /** Whose interviews: {@code all} for admins, else those created by {@code userId} or with {@code memberId} on the team. */
    record Visibility(boolean all, String userId, UUID memberId) {
    }
}
