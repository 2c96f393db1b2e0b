package io.schedulr.notification.application.port.out;

import io.smallrye.mutiny.Uni;

import java.util.function.Function;

/** Runs work on the reminder plan in one transaction of its own (a preference change and every re-plan it causes). */
public interface ReminderUnitOfWorkPort {
    <T> Uni<T> inTransaction(Function<ReminderPlanPort, Uni<T>> work);
}
