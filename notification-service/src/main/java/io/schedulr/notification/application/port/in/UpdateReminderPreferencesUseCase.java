package io.schedulr.notification.application.port.in;

import io.smallrye.mutiny.Uni;

/** A person's reminder preferences changed: store them and re-plan the reminders of their upcoming sessions. */
public interface UpdateReminderPreferencesUseCase {

    /** @return how many upcoming sessions were re-planned */
    Uni<Integer> update(UpdateReminderPreferencesCommand command);
}
