package io.schedulr.calendarsync.application;

/** Google no longer honours the sync token (410 {@code fullSyncRequired}): only a full sync can go on. */
public class SyncTokenExpiredException extends RuntimeException {
    public SyncTokenExpiredException(String message) {
        super(message);
    }
}
