package io.schedulr.notification.domain;

import java.time.Duration;
import java.util.List;

/**
 * A claimed reminder with its session as it stands now.
 *
 * @param cancelled  whether the session has been cancelled meanwhile
 * @param attempts   failed sends so far
 * @param messageKey stable for the reminder (session, UID, recipient, offset, due time): a resend carries the same Message-ID
 */
public record DueReminder(long id, ReminderSlot slot, ReminderSession session, boolean cancelled, int attempts, String messageKey) {

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
