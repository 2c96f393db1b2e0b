package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Actor;

import java.util.Objects;

/** Anyone signed in adds a startup; the fields are checked by {@code Startup}. */
public record AddStartupCommand(Actor actor, String name, String website) {
    public AddStartupCommand {
        Objects.requireNonNull(actor, "actor");
    }
}
