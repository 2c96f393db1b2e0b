package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.ForbiddenActionException;
import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.Timestamps;
import io.schedulr.scheduling.domain.UserProfile;

import java.time.Instant;

/**
 * @param actor       the signed-in caller
 * @param datetimeUtc when the session starts
 */
public record CreateRoomCommand(UserProfile actor, Instant datetimeUtc, boolean privateRoom) {

    /** Validates what a client sent: hostId, when given, must be the caller. */
    public static CreateRoomCommand of(UserProfile actor, String hostId, String datetimeUtc, Boolean privateRoom) {
        if (hostId != null && !hostId.equals(actor.id())) {
            throw new ForbiddenActionException("host_must_be_caller", "You can only create rooms you host yourself.");
        }
        if (actor.email() == null) {
            throw new InvalidRequestException("email_required", "Your token has no email claim; invitations need one.");
        }
        return new CreateRoomCommand(actor, Timestamps.parseUtc("datetimeUtc", datetimeUtc), Boolean.TRUE.equals(privateRoom));
    }
}
