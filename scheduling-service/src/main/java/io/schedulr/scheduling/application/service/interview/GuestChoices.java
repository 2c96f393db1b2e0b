package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.InterviewFlowUseCase.GuestInput;
import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.NotFoundException;
import io.schedulr.scheduling.domain.interview.Contact;
import io.schedulr.scheduling.domain.interview.EmailAddress;
import io.schedulr.scheduling.domain.interview.Guest;
import io.schedulr.scheduling.domain.interview.Interview;
import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading the guests a person lists (step 4 of a draft, or a sent interview's guests changed): typed in, or taken from a
 * contact, whose name, email, role and startup fill what is left out; and the addresses the interview invites already.
 * Runs inside the caller's transaction: a contact taken is kept until it ends (no foreign key guards a guest's contact, so
 * a removal waits for the change, or the change for the removal).
 */
final class GuestChoices {
    private final Interviews interviews;

    GuestChoices(Interviews interviews) {
        this.interviews = interviews;
    }

    /** Refuses a missing list, too many entries or an empty one before anything is read. */
    static void requireListed(List<GuestInput> guests) {
        if (guests == null) {
            throw new InvalidRequestException("invalid_guests", "'guests' is required (an empty list for none).");
        }
        if (guests.size() > Interview.MAX_GUESTS) {
            throw new InvalidRequestException("invalid_guests", "At most " + Interview.MAX_GUESTS + " guests.");
        }
        if (guests.stream().anyMatch(input -> input == null)) {
            throw new InvalidRequestException("invalid_guests", "'guests' holds an empty entry.");
        }
    }

    /** The guests as listed, in order. */
    Uni<List<Guest>> resolve(List<GuestInput> guests) {
        Uni<List<Guest>> chosen = Uni.createFrom().item(new ArrayList<>());
        for (GuestInput input : guests) {
            chosen = chosen.chain(list -> guest(input).map(g -> {
                list.add(g);
                return list;
            }));
        }
        return chosen;
    }

    /** The addresses the interview invites already: its contact's and its team's, each with who they are. */
    Uni<Map<String, String>> invitedOtherwise(Interview interview) {
        List<UUID> team = new ArrayList<>(interview.additionalMemberIds());
        if (interview.primaryMemberId() != null) {
            team.add(interview.primaryMemberId());
        }
        Uni<Optional<Contact>> contact = interview.contactId() == null ? Uni.createFrom().item(Optional.empty())
                : interviews.contacts().find(interview.contactId());
        Uni<List<TeamMember>> members = team.isEmpty() ? Uni.createFrom().item(List.of()) : interviews.members().findByIds(team);
        return contact.chain(c -> members.map(found -> {
            Map<String, String> taken = new HashMap<>();
            found.forEach(m -> taken.put(EmailAddress.key(m.email()), m.name() + " on the team"));
            c.ifPresent(x -> taken.put(EmailAddress.key(x.email()), x.name() + ", the startup's contact"));
            return taken;
        }));
    }

    private Uni<Guest> guest(GuestInput input) {
        if (input.contactId() == null) {
            return Uni.createFrom().item(() -> Guest.of(input.name(), input.email(), input.role(), input.company(), null));
        }
        return interviews.contacts().findKeeping(input.contactId()).chain(found -> {
            Contact c = found.orElseThrow(() -> new NotFoundException("contact_not_found", "No contact " + input.contactId() + "."));
            return interviews.startups().find(c.startupId()).map(s -> Guest.of(
                    input.name() != null ? input.name() : c.name(), input.email() != null ? input.email() : c.email(),
                    input.role() != null ? input.role() : c.role(),
                    input.company() != null ? input.company() : s.map(x -> x.name()).orElse(null), c.id()));
        });
    }
}
