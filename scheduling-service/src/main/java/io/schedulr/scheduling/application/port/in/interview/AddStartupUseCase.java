package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Startup;
import io.smallrye.mutiny.Uni;

/** A name another startup has (without regard to case) is 409 {@code startup_name_taken}. */
public interface AddStartupUseCase {
    Uni<Startup> add(AddStartupCommand command);
}
