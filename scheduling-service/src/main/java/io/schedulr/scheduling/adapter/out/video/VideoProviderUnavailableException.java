package io.schedulr.scheduling.adapter.out.video;

/** The video provider failed or refused; nothing was created. Answered as 502. */
public class VideoProviderUnavailableException extends RuntimeException {
    private final boolean transientFailure;

    public VideoProviderUnavailableException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
