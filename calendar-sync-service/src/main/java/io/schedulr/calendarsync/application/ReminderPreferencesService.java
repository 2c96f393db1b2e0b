package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.in.RecordReminderPreferencesUseCase;
import io.schedulr.calendarsync.application.port.out.ReminderPreferences;
import io.schedulr.calendarsync.application.port.out.Transactions;

/**
 * Keeps each person's latest reminder minutes. Records arrive in order per person (the user id is the Kafka key) and each
 * carries the whole state, so the last one stored is right and a redelivery stores the same again. Events already on
 * their calendar keep the reminders they were written with until they are written whole again (an interview's next
 * change puts the whole event; a room's move patches only its times): changed preferences are not pushed to them.
 */
public class ReminderPreferencesService implements RecordReminderPreferencesUseCase {
    private final ReminderPreferences preferences;
    private final Transactions transactions;

    public ReminderPreferencesService(ReminderPreferences preferences, Transactions transactions) {
        this.preferences = preferences;
        this.transactions = transactions;
    }

    @Override
    public void record(ReminderPreferencesChange change) {
        transactions.inTransaction(() -> {
            preferences.save(change.userId(), change.minutes(), change.channel(), change.eventId());
            return null;
        });
    }
}
