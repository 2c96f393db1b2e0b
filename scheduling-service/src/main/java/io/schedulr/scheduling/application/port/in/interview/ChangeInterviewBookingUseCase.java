package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Actor;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.UUID;

/**
 * Cancelling or moving a sent interview from schedulr: its Cal.com booking is changed (through calcom-gateway), then the
 * interview, and everyone in it is told. Only who sent it and admins may; the Cal.com booking is the sender's.
 */
public interface ChangeInterviewBookingUseCase {
    /** {@code reason}: optional, told to everyone. */
    Uni<InterviewDetails> cancel(Actor actor, UUID interviewId, String reason);

    /**
     * To a new start, keeping the length; {@code reason}: optional, given to Cal.com and told to everyone. The new time
     * must not clash with the team's sessions here or the caller's Google calendars, as for sending;
     * {@code allowOwnConflicts} lets the caller ignore their own.
     */
    Uni<InterviewDetails> reschedule(Actor actor, UUID interviewId, Instant start, String reason, boolean allowOwnConflicts);
}
