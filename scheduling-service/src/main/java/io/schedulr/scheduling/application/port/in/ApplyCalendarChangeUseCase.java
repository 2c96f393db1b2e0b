package io.schedulr.scheduling.application.port.in;

import io.smallrye.mutiny.Uni;

import java.util.Objects;

/**
 * Applies a change a person made to a room's event in their Google Calendar, as calendar-sync-service reports it:
 * through the same rules, events, audit and notifications as the same change made in the app. A command that cannot
 * or need not be applied is answered with an {@link Outcome}, never a failure; the returned {@link Uni} fails only
 * for what may pass when tried again (the database unreachable, too many concurrent changes).
 */
public interface ApplyCalendarChangeUseCase {

    enum Outcome {
        /** The room moved to the new start (a booked room's RESCHEDULED event is published). */
        RESCHEDULED,
        /**
         * The room refused the move (a start that has passed, or another length only): it stays where it is, announced
         * again at a higher SEQUENCE (a RESCHEDULED event) so Google shows its time again.
         */
        PUT_BACK,
        /** The room is deleted (a booked room's CANCELLED event is published). */
        CANCELLED,
        /** The guest left: the room is open again under a new invitation UID (a RELEASED event is published). */
        RELEASED,
        /** The room no longer exists; nothing to cancel. */
        GONE,
        /** The change was made against an older state of the room (its SEQUENCE has moved on); nothing changed. */
        STALE,
        /** The room's rules, the actor or the calendar gate refused it; nothing changed. */
        REFUSED
    }

    /** @param reason why, for the log: a stable code and words (null when applied) */
    record Result(Outcome outcome, String reason) {
        public Result {
            Objects.requireNonNull(outcome, "outcome");
        }

        public static Result of(Outcome outcome) {
            return new Result(outcome, null);
        }

        @Override
        public String toString() {
            return reason == null ? outcome.name() : outcome + " (" + reason + ")";
        }
    }

    Uni<Result> apply(ApplyCalendarChangeCommand command);
}
