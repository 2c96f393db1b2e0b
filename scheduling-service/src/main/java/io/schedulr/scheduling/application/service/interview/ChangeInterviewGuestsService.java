package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.ChangeInterviewGuestsUseCase;
import io.schedulr.scheduling.application.port.in.interview.InterviewDetails;
import io.schedulr.scheduling.application.port.in.interview.InterviewFlowUseCase.GuestInput;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.EmailAddress;
import io.schedulr.scheduling.domain.interview.Guest;
import io.schedulr.scheduling.domain.interview.Interview;
import io.schedulr.scheduling.domain.interview.InterviewChange;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A sent interview's guests changed in one transaction: the contacts taken are read and kept, the interview checked and
 * changed ({@link Interview#changeGuests}), saved and audited ({@code interview.guests_changed}), and everyone told through
 * the outbox when the addresses changed, with who joined and who no longer takes part as the reason. Nothing is asked of
 * Cal.com.
 */
public class ChangeInterviewGuestsService implements ChangeInterviewGuestsUseCase {
    /** As long as a reason given for a move or a cancellation may be. */
    private static final int MAX_REASON = Interview.MAX_REASON_LENGTH;
    private final UnitOfWork tx;
    private final Interviews interviews;
    private final GuestChoices choices;
    private final Clock clock;

    public ChangeInterviewGuestsService(UnitOfWork tx, Interviews interviews, Clock clock) {
        this.tx = tx;
        this.interviews = interviews;
        this.choices = new GuestChoices(interviews);
        this.clock = clock;
    }

    @Override
    public Uni<InterviewDetails> changeGuests(Actor actor, UUID interviewId, List<GuestInput> guests) {
        GuestChoices.requireListed(guests);
        Instant now = clock.instant();
        return tx.inTransaction(() -> interviews.visible(actor, interviewId).chain(before -> choices.resolve(guests)
                .chain(listed -> choices.invitedOtherwise(before).map(taken -> before.changeGuests(actor, listed, taken, now)))
                .chain(applied -> {
                    if (applied.interview() == before) {
                        return interviews.details(before);
                    }
                    return interviews.save(actor.id(), "guests_changed", before, applied.interview()).chain(saved ->
                            interviews.announce(saved, applied.change(), now, reason(before.guests(), saved.guests())));
                })));
    }

    /**
     * What everyone still named is told: "Olive Observer is now reached at olive@partner.example; Gus Guest joins; Hugo
     * Advisor no longer takes part." A guest taken off and one added under the same name is one guest's corrected address.
     * A change too long to say in a line (many guests at once) is said plainly.
     */
    static String reason(List<Guest> before, List<Guest> after) {
        List<Guest> joined = new ArrayList<>(after.stream().filter(g -> before.stream().noneMatch(b -> EmailAddress.same(b.email(), g.email())))
                .toList());
        List<Guest> left = new ArrayList<>(before.stream().filter(g -> after.stream().noneMatch(a -> EmailAddress.same(a.email(), g.email())))
                .toList());
        List<String> parts = new ArrayList<>();
        for (Guest g : List.copyOf(joined)) {
            left.stream().filter(l -> l.name().equalsIgnoreCase(g.name())).findFirst().ifPresent(l -> {
                parts.add(g.name() + " is now reached at " + g.email());
                left.remove(l);
                joined.remove(g);
            });
        }
        if (!joined.isEmpty()) {
            parts.add(names(joined) + (joined.size() == 1 ? " joins" : " join"));
        }
        if (!left.isEmpty()) {
            parts.add(names(left) + (left.size() == 1 ? " no longer takes part" : " no longer take part"));
        }
        String said = String.join("; ", parts) + ".";
        return said.length() <= MAX_REASON ? said : "The guests changed.";
    }

    private static String names(List<Guest> guests) {
        return guests.stream().map(Guest::name).collect(Collectors.joining(", "));
    }
}
