package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Actor;

import java.util.Objects;
import java.util.UUID;

/** Someone signed in removes a startup's contact that no interview names. */
public record RemoveContactCommand(Actor actor, UUID startupId, UUID contactId) {
    public RemoveContactCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(startupId, "startupId");
        Objects.requireNonNull(contactId, "contactId");
    }
}
