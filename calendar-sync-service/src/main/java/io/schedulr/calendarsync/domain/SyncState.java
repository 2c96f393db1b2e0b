package io.schedulr.calendarsync.domain;

/**
 * Where the sync of one person's dedicated calendar stands, as a replica claimed it.
 *
 * @param syncToken    Google's token for the next incremental sync; null when the next sync must be a full one
 * @param attempts     failed syncs in a row (for the backoff)
 * @param claimedCount the requests this sync settles
 */
public record SyncState(String userId, String calendarId, String syncToken, int attempts, long claimedCount) {
}
