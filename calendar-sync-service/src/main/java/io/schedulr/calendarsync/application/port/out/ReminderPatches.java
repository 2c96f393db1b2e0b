package io.schedulr.calendarsync.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Events on a person's own Google calendar whose reminders must be set to the person's current minutes (their preferences
 * changed after the event was written), persisted so nothing is lost across an outage or a restart. One row per Google
 * event; the locking method runs inside {@link Transactions#inTransaction}.
 */
public interface ReminderPatches {
    /** Queues the event (pending, due now, attempts reset); an event queued already is queued again, not twice. */
    void queue(Patch patch, Instant now);

    /**
     * The next due patch whose person is connected, locked until the transaction ends; patches other replicas hold are
     * skipped. A person who is revoked or disconnected is not offered (their patches wait until they connect again).
     */
    Optional<QueuedPatch> lockNextDue(Instant now);

    /** Nothing more to do (set, gone in Google, or started meanwhile), with a note for operators (null when set). */
    void done(Patch patch, String note);

    /** Stays pending, due again at the given time. */
    void retryAt(Patch patch, int attempts, Instant due, String reason);

    /** Google refused it for good: no longer pending; the reason stays for operators. */
    void park(Patch patch, String reason);

    /**
     * One event of the person's.
     *
     * @param personId  the calendar's owner: the room's host or the interview's team member (Google {@code sub})
     * @param subjectId the room id or the interview id (what the call is audited under)
     * @param startUtc  when the session starts: an event whose session has started is left as it is
     */
    record Patch(String personId, String calendarId, String eventId, Kind kind, String subjectId, Instant startUtc) {
        public enum Kind { ROOM, INTERVIEW }

        public Patch {
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(calendarId, "calendarId");
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subjectId, "subjectId");
            Objects.requireNonNull(startUtc, "startUtc");
        }
    }

    record QueuedPatch(Patch patch, int attempts) {
    }
}
