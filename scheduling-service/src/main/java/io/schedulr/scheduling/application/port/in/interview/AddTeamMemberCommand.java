package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Actor;

import java.util.Objects;

/** An admin adds a team member; the fields are checked by {@code TeamMember}. */
public record AddTeamMemberCommand(Actor actor, String name, String email, String role, Long calcomUserId) {
    public AddTeamMemberCommand {
        Objects.requireNonNull(actor, "actor");
    }
}
