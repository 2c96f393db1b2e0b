package io.schedulr.notification.domain;

import java.time.Duration;
import java.util.List;

/**
 * A claimed reminder with its session as it stands now.
 *
 * @param cancelled  whether the session has been cancelled meanwhile
 * @param attempts   failed sends so far
 * @param messageKey stable for the reminder (session, UID, recipient, offset, due time): a resend carries the same Message-ID
 * @param preference the recipient's reminder preference as it stands now ({@link ReminderPreference#DEFAULT} without a
 *                   stored one or a user id): a change made after the claim still counts
 */
public record DueReminder(long id, ReminderSlot slot, ReminderSession session, boolean cancelled, int attempts, String messageKey,
                          ReminderPreference preference) {

    public DueReminder {
        preference = preference == null ? ReminderPreference.DEFAULT : preference;
    }

    /** Whether the person still wants this reminder: by email, and this many minutes before. */
    public boolean stillWanted() {
        return preference.email() && preference.minutes().contains(slot.offsetMinutes());
    }

    /** Whether the session still asks for this reminder: same moment (start − offset) and the person still takes part. */
    public boolean stillPlanned() {
        return session.start().minus(Duration.ofMinutes(slot.offsetMinutes())).equals(slot.dueAt())
                && session.participant(slot.recipientEmail()).isPresent();
    }

    public SessionParticipant recipient() {
        return session.participant(slot.recipientEmail()).orElseThrow();
    }

    public List<SessionParticipant> others() {
        return session.othersThan(slot.recipientEmail());
    }
}
