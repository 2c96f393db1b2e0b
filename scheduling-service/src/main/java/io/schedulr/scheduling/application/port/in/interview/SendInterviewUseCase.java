package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Actor;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * Step 6: books the interview on Cal.com (through calcom-gateway), marks it scheduled and invites everyone. Sending
 * again is harmless: one Cal.com booking per interview.
 */
public interface SendInterviewUseCase {
    default Uni<InterviewDetails> send(Actor actor, UUID interviewId) {
        return send(actor, interviewId, false);
    }

    /** {@code allowOwnConflicts}: send although the time clashes with the sender's own calendar (never another member's). */
    Uni<InterviewDetails> send(Actor actor, UUID interviewId, boolean allowOwnConflicts);
}
