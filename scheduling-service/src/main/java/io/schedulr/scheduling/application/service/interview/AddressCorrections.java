package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.domain.interview.Contact;
import io.schedulr.scheduling.domain.interview.EmailAddress;
import io.schedulr.scheduling.domain.interview.Interview;
import io.schedulr.scheduling.domain.interview.InterviewChange;
import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A contact's or team member's corrected address reaches the interviews that name them, in the correction's transaction:
 * guests taken from the contact take the new address, and each booked interview that is not over is announced again
 * ({@link InterviewChange#ATTENDEES_CHANGED}), so that the new address gets the invitation and the old one is told it no
 * longer stands. Audited per interview as {@code interview.address_corrected}.
 */
public class AddressCorrections {
    private final Interviews interviews;

    public AddressCorrections(Interviews interviews) {
        this.interviews = interviews;
    }

    /** The interviews told again (none when the address did not change). */
    public Uni<List<Interview>> contact(String actorId, Contact before, Contact after, Instant now) {
        return correct(actorId, after.id(), null, after.name(), before.email(), after.email(), now);
    }

    /** The same for a team member, whom interviews name by id: only the announcements. */
    public Uni<List<Interview>> member(String actorId, TeamMember before, TeamMember after, Instant now) {
        return correct(actorId, null, after.id(), after.name(), before.email(), after.email(), now);
    }

    private Uni<List<Interview>> correct(String actorId, UUID contactId, UUID memberId, String name, String oldAddress, String address,
                                         Instant now) {
        if (EmailAddress.same(oldAddress, address)) {
            return Uni.createFrom().item(List.of());
        }
        String reason = name + " is now reached at " + address + ".";
        Uni<List<Interview>> naming = interviews.store().listNaming(contactId, memberId);
        // One after the other: they share the transaction's session.
        return naming.chain(found -> Multi.createFrom().iterable(found)
                .onItem().transformToUniAndConcatenate(before -> {
                    Interview.Applied applied = before.attendeeReachedAt(contactId, address, now);
                    if (applied.interview() == before) {
                        return Uni.createFrom().<Interview>nullItem();
                    }
                    return interviews.save(actorId, "address_corrected", before, applied.interview())
                            .call(saved -> interviews.announce(saved, applied.change(), now, reason))
                            .map(saved -> applied.change() == InterviewChange.NONE ? null : saved);
                })
                .collect().asList());
    }
}
