package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Actor;

import java.util.Objects;
import java.util.UUID;

/** Someone signed in removes a startup (and its contacts) that no interview names. */
public record RemoveStartupCommand(Actor actor, UUID startupId) {
    public RemoveStartupCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(startupId, "startupId");
    }
}
