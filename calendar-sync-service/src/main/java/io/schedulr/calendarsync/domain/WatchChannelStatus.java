package io.schedulr.calendarsync.domain;

/**
 * Where a push channel stands: being opened (recorded before Google is asked), the one in use, one a newer channel
 * replaced (stopped once that works), or stopped.
 */
public enum WatchChannelStatus {
    OPENING, ACTIVE, REPLACED, STOPPED
}
