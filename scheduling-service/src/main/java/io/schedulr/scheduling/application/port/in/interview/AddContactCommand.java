package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Actor;

import java.util.Objects;
import java.util.UUID;

/** Anyone signed in adds a contact to a startup; the fields are checked by {@code Contact}. */
public record AddContactCommand(Actor actor, UUID startupId, String name, String email, String role) {
    public AddContactCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(startupId, "startupId");
    }
}
