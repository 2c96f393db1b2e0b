package io.schedulr.calendarsync.application.port.out;

import io.schedulr.calendarsync.domain.SyncState;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Per dedicated calendar: the sync token and whether a sync is wanted ({@code calendar_sync}). */
public interface SyncStates {
    /**
     * Wants a sync of the person's calendar from {@code at} on (a request already waiting keeps its earlier time, and the
     * retry of a failed sync its backed-off time).
     */
    void request(String userId, String calendarId, Instant at);

    /** Leases a wanted, due sync that no replica holds, until {@code leaseUntil}; the requests so far are what it settles. */
    Optional<SyncState> claimNext(Instant now, Instant leaseUntil);

    /** Synced: the token for the next incremental sync; requests that came in meanwhile keep a sync wanted. */
    void synced(SyncState claimed, String syncToken, Instant now);

    /** The sync failed; tried again at {@code due}. */
    void failed(SyncState claimed, int attempts, Instant due, String error);

    /** Asks for a backstop sync of every calendar not synced for {@code interval}. */
    int requestStale(Duration interval, Instant now);

    /**
     * How many syncs of the person's calendar were asked for so far (each push Google sent about it, each backstop
     * round): it moves whenever Google may have something new, so an answer cached under an older value is stale. 0 when
     * there is no sync state for the person.
     */
    long requestsOf(String userId);

    /** The person is gone (disconnected): no more syncs. */
    void forget(String userId);
}
