package io.schedulr.calendarsync.application;

/** Google refused a call for good (a 4xx other than the rate limits): trying the same call again will not help. */
public class GoogleRejectedException extends RuntimeException {
    private final int status;

    public GoogleRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The access token was not accepted: a fresh one may work. */
    public boolean unauthorized() {
        return status == 401;
    }
}
