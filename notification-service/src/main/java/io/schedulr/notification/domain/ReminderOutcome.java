package io.schedulr.notification.domain;

/** The decisions about a reminder an operator finds in {@code reminder_audit}. */
public enum ReminderOutcome {
    /** The SMTP server accepted the reminder. */
    SENT,
    /** Not sent: it could no longer arrive before the session starts (e.g. an outage longer than its lead). */
    SKIPPED_LATE,
    /** Not sent: the session was cancelled (or moved, or the person no longer takes part). */
    CANCELLED,
    /** The SMTP server refused it or could not be reached; tried again later unless the session has started by then. */
    FAILED
}
