package io.schedulr.scheduling.application.port.out;

import io.smallrye.mutiny.Uni;

import java.util.Optional;

/** The zone a person set for themselves ({@link ChooseTimeZonePort}), as the other services are told it. */
public interface ChosenTimeZonePort {
    /**
     * Empty when they never chose one (a token's zone is not a choice). Read so that a choice being made at the same time
     * is either seen or waited for, so the last announcement of a person carries their last choice.
     */
    Uni<Optional<String>> chosenTimeZone(String userId);
}
