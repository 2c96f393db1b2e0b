package io.schedulr.calendarsync.application.port.in;

import io.schedulr.calendarsync.domain.InterviewChange;

/**
 * Takes an interview change in: what each connected team member's calendar should show is stored (and queued for
 * Google) in the transaction that remembers the event id.
 */
public interface RecordInterviewChangeUseCase {
    Outcome record(InterviewChange change);

    enum Outcome {
        /** Queued for the calendars of the team members it concerns. */
        QUEUED,
        /** This event id was taken in before: nothing changed. */
        DUPLICATE,
        /** Older than (or the same as) what was taken in for the interview: nothing changed. */
        STALE,
        /** Taken in, but no team member has a connected calendar, and none had the interview on theirs. */
        NO_CONNECTED_MEMBER
    }
}
