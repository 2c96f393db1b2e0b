package io.schedulr.calcom.domain.webhook;

/** Whether a change can be announced now, must wait for its predecessor, or is behind what was announced. */
public enum OrderVerdict {
    /** Follows what was announced (or starts the meeting): announce it. */
    NEXT,
    /** Something before it has not arrived yet: hold it until it does, or until the reorder window ends. */
    EARLY,
    /** Not ahead of what was announced: keep it for audit only. */
    STALE
}
