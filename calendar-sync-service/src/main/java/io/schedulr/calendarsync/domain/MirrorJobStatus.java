package io.schedulr.calendarsync.domain;

/** Where a mirror job stands: waiting to run (or to be retried), done, dropped as stale, or parked for an operator. */
public enum MirrorJobStatus {
    PENDING,
    DONE,
    DROPPED,
    PARKED
}
