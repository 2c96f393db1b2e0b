package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Startup;
import io.smallrye.mutiny.Uni;

/** 404 {@code startup_not_found}; 409 {@code startup_name_taken} for another startup's name (without regard to case). */
public interface EditStartupUseCase {
    Uni<Startup> edit(EditStartupCommand command);
}
