package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.interview.Actor;

import java.util.Objects;
import java.util.UUID;

/**
 * An admin changes some fields of a member: a null field stays as it is, except {@code calcomUserId}, which is
 * changed (a null unlinks the Cal.com user) when {@code calcomUserIdGiven}. {@code active=false} deactivates.
 */
public record EditTeamMemberCommand(Actor actor, UUID memberId, String name, String email, String role, boolean calcomUserIdGiven,
                                    Long calcomUserId, Boolean active) {
    public EditTeamMemberCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(memberId, "memberId");
        if (name == null && email == null && role == null && !calcomUserIdGiven && active == null) {
            throw new InvalidRequestException("nothing_to_update", "Give at least one of name, email, role, calcomUserId, active.");
        }
    }
}
