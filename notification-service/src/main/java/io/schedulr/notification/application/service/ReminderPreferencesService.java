package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.UpdateReminderPreferencesCommand;
import io.schedulr.notification.application.port.in.UpdateReminderPreferencesUseCase;
import io.schedulr.notification.application.port.out.ReminderUnitOfWorkPort;
import io.schedulr.notification.domain.ReminderPreference;
import io.smallrye.mutiny.Uni;

/**
 * A person's new reminder preferences (the whole state: the latest record per person) are stored and every upcoming session
 * they take part in is re-planned in the same transaction. Channel {@code popup}: no email reminders from us. A zone the
 * person chose is theirs in those sessions from now on, so their reminders say the times they read (see
 * {@link ReminderPlanning}).
 */
public class ReminderPreferencesService implements UpdateReminderPreferencesUseCase {
    private final ReminderUnitOfWorkPort unitOfWork;
    private final ReminderPlanning planning;

    public ReminderPreferencesService(ReminderUnitOfWorkPort unitOfWork, ReminderPlanning planning) {
        this.unitOfWork = unitOfWork;
        this.planning = planning;
    }

    @Override
    public Uni<Integer> update(UpdateReminderPreferencesCommand command) {
        ReminderPreference preference = command.isRemoval() ? null
                : new ReminderPreference(command.minutes(), UpdateReminderPreferencesCommand.EMAIL.equals(command.channel()),
                command.timeZone());
        return unitOfWork.inTransaction(plan -> plan.savePreference(command.userId(), preference)
                .flatMap(v -> plan.lockUpcomingSessionsOf(command.userId(), planning.clock().instant()))
                .flatMap(sessions -> planning.replanAll(plan, sessions)));
    }
}
