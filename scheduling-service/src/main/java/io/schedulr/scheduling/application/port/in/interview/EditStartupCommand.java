package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.interview.Actor;

import java.util.Objects;
import java.util.UUID;

/**
 * Someone signed in changes a startup's name or website: a null name stays as it is; the website is changed (a null
 * removes it) when {@code websiteGiven}.
 */
public record EditStartupCommand(Actor actor, UUID startupId, String name, boolean websiteGiven, String website) {
    public EditStartupCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(startupId, "startupId");
        if (name == null && !websiteGiven) {
            throw new InvalidRequestException("nothing_to_update", "Give at least one of name, website.");
        }
    }
}
