package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Actor;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * Step 6: books the interview on Cal.com (through calcom-gateway), marks it scheduled and invites everyone. Sending
 * again is harmless: one Cal.com booking per interview.
 */
public interface SendInterviewUseCase {
    Uni<InterviewDetails> send(Actor actor, UUID interviewId);
}
