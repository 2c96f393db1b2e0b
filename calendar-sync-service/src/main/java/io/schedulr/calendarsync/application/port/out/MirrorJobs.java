package io.schedulr.calendarsync.application.port.out;

import io.schedulr.calendarsync.domain.MirrorJobStatus;
import io.schedulr.calendarsync.domain.RoomChange;

import java.time.Instant;
import java.util.Optional;

/** Room changes waiting for Google, persisted so nothing is lost across an outage or a restart. */
public interface MirrorJobs {
    /**
     * Queues the change (pending, due now); a change already queued under its event id is left alone.
     *
     * @param silent the guest was told already (the change was announced as a mirror failure): Google must not mail them
     */
    void add(RoomChange change, Instant now, boolean silent);

    /**
     * The next due job whose host is connected, locked until the transaction ends; only a room's earliest pending job
     * (by sequence) is ever offered, so a room's changes run one at a time, in order. Jobs other replicas hold are skipped.
     */
    Optional<QueuedJob> lockNextDue(Instant now);

    /** Done, dropped or parked, with a note for operators. */
    void finish(String eventId, MirrorJobStatus status, String note);

    /** Stays pending, due again at the given time. */
    void retryAt(String eventId, int attempts, Instant due, String reason);

    /**
     * The next pending job not yet silent whose host's grant is revoked (it waits for them to reconnect, and nobody told the
     * guest yet), locked until the transaction ends. Jobs other replicas hold are skipped.
     */
    Optional<QueuedJob> lockNextUnannouncedOfRevokedHost();

    /**
     * The host's dedicated calendar was made anew: for each of their live rooms whose event is on another calendar, not yet
     * ended and with no job pending, its last applied job is queued again (due now, silent: the guest was invited already),
     * so the worker puts the meeting on the new calendar. Answers how many were queued.
     */
    int requeueOntoNewCalendar(String hostId, String newCalendarId, Instant now);

    /** From now on the job is mirrored without Google mailing the guest: the change was announced as a mirror failure. */
    void markSilent(String eventId);

    /**
     * @param traceContext the trace the job was queued in, opaque (for {@link JobTracing}); {@code null} when none
     * @param silent       announced as a mirror failure already: its Google writes must not mail the guest
     */
    record QueuedJob(RoomChange change, int attempts, String traceContext, boolean silent) {
    }
}
