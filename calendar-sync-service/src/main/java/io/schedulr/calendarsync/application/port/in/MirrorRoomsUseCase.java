package io.schedulr.calendarsync.application.port.in;

/** Applies queued room changes to the hosts' Google Calendars. */
public interface MirrorRoomsUseCase {
    /** Runs the next due job, if any, in its own transaction; false when none is due. */
    boolean mirrorNext();

    /**
     * Announces, in its own transaction, the next waiting change of a host whose grant was found revoked elsewhere (the
     * sync, the watch, the check, another job) and nobody told the guest yet; false when there is none. Run before a
     * round of {@link #mirrorNext}, not per job: it looks through the pending jobs.
     */
    boolean announceNextOfRevokedHost();
}
