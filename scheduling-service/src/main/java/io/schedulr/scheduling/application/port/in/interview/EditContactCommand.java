package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.interview.Actor;

import java.util.Objects;
import java.util.UUID;

/**
 * Someone signed in changes a startup's contact: a null name or email stays as it is; the role is changed (a null
 * removes it) when {@code roleGiven}.
 */
public record EditContactCommand(Actor actor, UUID startupId, UUID contactId, String name, String email, boolean roleGiven, String role) {
    public EditContactCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(startupId, "startupId");
        Objects.requireNonNull(contactId, "contactId");
        if (name == null && email == null && !roleGiven) {
            throw new InvalidRequestException("nothing_to_update", "Give at least one of name, email, role.");
        }
    }
}
