package io.schedulr.scheduling.application.port.in.interview;

import io.smallrye.mutiny.Uni;

/**
 * Answers the startup as saved with its contacts, read in the same transaction. 404 {@code startup_not_found}; 409
 * {@code startup_name_taken} for another startup's name (without regard to case).
 */
public interface EditStartupUseCase {
    Uni<StartupDetails> edit(EditStartupCommand command);
}
