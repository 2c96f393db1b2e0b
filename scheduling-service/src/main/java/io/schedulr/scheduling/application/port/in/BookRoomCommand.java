package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.ForbiddenActionException;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.UserProfile;

import java.util.Objects;

/**
 * The caller books a room for themselves.
 *
 * @param stage             where the session stands, set with the booking; null leaves it alone
 * @param allowOwnConflicts book although the time clashes with the guest's own calendar
 */
public record BookRoomCommand(UserProfile guest, RoomId roomId, String stage, boolean allowOwnConflicts) {
    public BookRoomCommand(UserProfile guest, RoomId roomId, String stage) {
        this(guest, roomId, stage, false);
    }

    public BookRoomCommand {
        Objects.requireNonNull(guest, "guest").requireEmail();
        Objects.requireNonNull(roomId, "roomId");
    }

    /** {@code requestedGuestId}, when a client names one, must be the caller: nobody books for someone else. */
    public static BookRoomCommand of(UserProfile caller, RoomId roomId, String requestedGuestId, String stage) {
        return of(caller, roomId, requestedGuestId, stage, false);
    }

    public static BookRoomCommand of(UserProfile caller, RoomId roomId, String requestedGuestId, String stage, boolean allowOwnConflicts) {
        if (requestedGuestId != null && !requestedGuestId.equals(caller.id())) {
            throw new ForbiddenActionException("cannot_book_for_someone_else", "You can only book a room for yourself.");
        }
        return new BookRoomCommand(caller, roomId, stage, allowOwnConflicts);
    }
}
