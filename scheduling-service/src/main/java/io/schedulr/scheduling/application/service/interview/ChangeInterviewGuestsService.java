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
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A sent interview's guests changed in one transaction: the contacts taken are read and kept, the interview checked and
 * changed ({@link Interview#changeGuests}), saved and audited ({@code interview.guests_changed}), and everyone told through
 * the outbox when the addresses changed, with who joined and who no longer takes part as the reason. Nothing is asked of
 * Cal.com.
 */
public class ChangeInterviewGuestsService implements ChangeInterviewGuestsUseCase {
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

    /** "Olive Observer joins; Hugo Advisor no longer takes part." — what everyone still named is told. */
    static String reason(List<Guest> before, List<Guest> after) {
        List<String> joined = after.stream().filter(g -> before.stream().noneMatch(b -> EmailAddress.same(b.email(), g.email())))
                .map(Guest::name).toList();
        List<String> left = before.stream().filter(g -> after.stream().noneMatch(a -> EmailAddress.same(a.email(), g.email())))
                .map(Guest::name).toList();
        String joins = joined.isEmpty() ? null : String.join(", ", joined) + (joined.size() == 1 ? " joins" : " join");
        String leaves = left.isEmpty() ? null : String.join(", ", left) + (left.size() == 1 ? " no longer takes part" : " no longer take part");
        return Stream.of(joins, leaves).filter(x -> x != null).collect(Collectors.joining("; ", "", "."));
    }
}
