package io.schedulr.notification.domain;

/** A room change that cannot be turned into an invitation (missing guest, end before start, bad address ...). */
public class InvalidRoomChangeException extends RuntimeException {
    public InvalidRoomChangeException(String message) {
        super(message);
    }
}
