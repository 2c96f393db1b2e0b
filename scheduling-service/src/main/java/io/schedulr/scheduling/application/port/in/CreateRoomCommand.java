package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.ForbiddenActionException;
import io.schedulr.scheduling.domain.UserProfile;

import java.time.Instant;
import java.util.Objects;

/** A host offers a session starting at {@code start}; a private one may be offered to one person ({@code offerTo}, a user id). */
public record CreateRoomCommand(UserProfile host, Instant start, boolean privateRoom, String offerTo) {
    public CreateRoomCommand {
        Objects.requireNonNull(host, "host").requireEmail();
        Objects.requireNonNull(start, "start");
    }

    /** {@code requestedHostId}, when a client names one, must be the caller. */
    public static CreateRoomCommand of(UserProfile caller, String requestedHostId, Instant start, boolean privateRoom, String offerTo) {
        if (requestedHostId != null && !requestedHostId.equals(caller.id())) {
            throw new ForbiddenActionException("host_must_be_caller", "You can only create rooms you host yourself.");
        }
        return new CreateRoomCommand(caller, start, privateRoom, offerTo);
    }
}
