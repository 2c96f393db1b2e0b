package io.schedulr.scheduling.application.port.in.interview;

import io.smallrye.mutiny.Uni;

/**
 * Removes a startup added by mistake, with its contacts. 404 {@code startup_not_found}; 409 {@code startup_in_use} while
 * any interview, cancelled ones included, names the startup or one of its contacts (their record stays whole).
 */
public interface RemoveStartupUseCase {
    Uni<Void> remove(RemoveStartupCommand command);
}
