package io.schedulr.calendarsync.application.port.out;

import io.schedulr.calendarsync.domain.InterviewEntry;
import io.schedulr.calendarsync.domain.InterviewMirror;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Interviews on team members' calendars ({@code interview_mirror}, {@code interview_mirror_entry}); an entry whose wanted
 * state Google does not show yet is queued work. The locking methods run inside {@link Transactions#inTransaction}.
 */
public interface InterviewMirrors {
    /** The latest change taken in for the interview, locked until the transaction ends; empty for a new interview. */
    Optional<InterviewMirror> lock(String interviewId);

    void save(InterviewMirror interview);

    /** The interview's member entries, locked until the transaction ends. */
    List<InterviewEntry> entriesOf(String interviewId);

    /** The member's entries Google shows on their calendar as far as we know ({@code applied} shown, a calendar known). */
    List<InterviewEntry> shownTo(String memberId);

    /**
     * The member's dedicated calendar was made anew: each of their entries wanted shown, not yet ended and not on that
     * calendar is queued again (due now), so the worker puts it there. Answers how many were queued.
     */
    int requeueOntoNewCalendar(String memberId, String newCalendarId, Instant now);

    /** Stores the entry's wanted state and queues it (due now, attempts reset). */
    void want(InterviewEntry entry, Instant now);

    /**
     * The next due queued entry whose member is connected, locked; entries other replicas hold are skipped. A member who
     * is revoked or disconnected waits (and is not offered) until they connect again.
     */
    Optional<QueuedEntry> lockNextDue(Instant now);

    /** Google shows what the entry wanted: no longer queued. */
    void done(InterviewEntry written);

    /** Still queued, due again at the given time. */
    void retryAt(InterviewEntry entry, int attempts, Instant due, String reason);

    /** Google refused it for good: no longer queued; the reason stays for operators. */
    void park(InterviewEntry entry, String reason);

    record QueuedEntry(InterviewEntry entry, int attempts) {
    }
}
