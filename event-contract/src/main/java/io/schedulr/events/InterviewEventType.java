package io.schedulr.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * CloudEvents {@code type} values on {@link Topics#INTERVIEW_EVENTS}. The suffix is the payload version. Every type but
 * {@link #INTERVIEW_RESCHEDULE_REQUESTED} carries a SEQUENCE above the previous one of the same interview.
 */
public enum InterviewEventType {
    /** The interview was sent: its Cal.com booking exists; everyone is invited (iCalendar REQUEST). */
    INTERVIEW_SCHEDULED("io.schedulr.interview.scheduled.v1"),
    /** Cal.com confirmed the booking (its webhook); the meeting URL is known now; everyone gets the updated invitation. */
    INTERVIEW_CONFIRMED("io.schedulr.interview.confirmed.v1"),
    /** The interview moved (on Cal.com); everyone gets the updated invitation, same UID, higher SEQUENCE. */
    INTERVIEW_RESCHEDULED("io.schedulr.interview.rescheduled.v1"),
    /**
     * The host asked for another time on Cal.com: the old time is void (iCalendar CANCEL for it) but the interview is
     * not over; a {@link #INTERVIEW_RESCHEDULED} follows when a new time is booked.
     */
    INTERVIEW_RESCHEDULE_REQUESTED("io.schedulr.interview.reschedule-requested.v1"),
    /** The interview is cancelled for good; everyone gets an iCalendar CANCEL. */
    INTERVIEW_CANCELLED("io.schedulr.interview.cancelled.v1"),
    /**
     * Same time, but other people: someone taking part is reached at another address now (a contact's or team member's
     * corrected one), or a sent interview's guests were changed: everyone in {@code people} gets the updated invitation;
     * whoever the last invitation reached and {@code people} no longer names is sent a CANCEL.
     */
    INTERVIEW_ATTENDEES_CHANGED("io.schedulr.interview.attendees-changed.v1");

    private final String cloudEventType;

    InterviewEventType(String cloudEventType) {
        this.cloudEventType = cloudEventType;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    /** Whether calendars should drop the meeting (iCalendar METHOD:CANCEL) rather than show it (REQUEST). */
    public boolean cancelsTheMeeting() {
        return this == INTERVIEW_CANCELLED || this == INTERVIEW_RESCHEDULE_REQUESTED;
    }

    public static Optional<InterviewEventType> fromCloudEventType(String type) {
        return Arrays.stream(values()).filter(t -> t.cloudEventType.equals(type)).findFirst();
    }
}
