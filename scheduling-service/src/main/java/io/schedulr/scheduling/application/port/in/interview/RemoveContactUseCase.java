package io.schedulr.scheduling.application.port.in.interview;

import io.smallrye.mutiny.Uni;

/**
 * Removes a contact added by mistake (or gone from the startup). 404 {@code contact_not_found}, also for a contact of
 * another startup; 409 {@code contact_in_use} while any interview, cancelled ones included, names them as its contact or
 * as a guest taken from them (their record stays whole; a changed address is corrected instead).
 */
public interface RemoveContactUseCase {
    Uni<Void> remove(RemoveContactCommand command);
}
