package io.schedulr.scheduling.domain.interview;

/** What an interview change means to the people in it: which invitation they get (none for {@link #NONE}). */
public enum InterviewChange {
    /** Nothing people are told about (a draft step, a stale or duplicate Cal.com change). */
    NONE,
    SCHEDULED, CONFIRMED, RESCHEDULED, RESCHEDULE_REQUESTED, CANCELLED,
    /**
     * Same time, other people: someone reached at another address now (a contact's or team member's corrected one), or a
     * sent interview's guests changed.
     */
    ATTENDEES_CHANGED
}
