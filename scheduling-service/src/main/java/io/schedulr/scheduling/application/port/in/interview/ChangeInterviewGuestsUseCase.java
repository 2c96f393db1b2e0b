package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.application.port.in.interview.InterviewFlowUseCase.GuestInput;
import io.schedulr.scheduling.domain.interview.Actor;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.UUID;

/**
 * Changing the guests of a sent interview — adding one, taking one off, correcting a typed-in address — by who sent it or
 * an admin, while its booking holds. The guests listed replace the interview's, by step 4's rules; when their addresses
 * change, everyone is told again (a new guest is invited, an address no longer named is told so). The Cal.com booking
 * keeps the guests it was made with.
 */
public interface ChangeInterviewGuestsUseCase {
    Uni<InterviewDetails> changeGuests(Actor actor, UUID interviewId, List<GuestInput> guests);
}
