package io.schedulr.scheduling.application.port.out;

/** The video provider failed or refused; nothing was saved. */
public class VideoRoomUnavailableException extends RuntimeException {
    public VideoRoomUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
