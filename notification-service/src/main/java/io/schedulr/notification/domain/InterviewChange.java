package io.schedulr.notification.domain;

/** The interview changes people are told about (scheduling.interview-events.v1), and the iTIP method each one sends. */
public enum InterviewChange {
    /** Invited for the first time. */
    SCHEDULED,
    /** Cal.com confirmed the booking (the join link is usually known now): an updated invitation. */
    CONFIRMED,
    /** Moved to a new time: an updated invitation, same UID, higher SEQUENCE. */
    RESCHEDULED,
    /** The host asked for another time: the old time is void (CANCEL), but the interview is not over. */
    RESCHEDULE_REQUESTED,
    /** Cancelled for good. */
    CANCELLED,
    /** Same time, other people: a corrected address, or guests changed. An updated invitation; an address no longer named gets a CANCEL. */
    ATTENDEES_CHANGED,
    /**
     * Not an event of its own: the CANCEL an address gets when a change no longer names it (a corrected address's old one),
     * while the interview goes on for everyone else.
     */
    NO_LONGER_INVITED;

    public InviteMethod method() {
        return this == RESCHEDULE_REQUESTED || this == CANCELLED || this == NO_LONGER_INVITED ? InviteMethod.CANCEL : InviteMethod.REQUEST;
    }
}
