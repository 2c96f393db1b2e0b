package io.schedulr.calendarsync.application;

/** Google answered {@code invalid_grant}: the person revoked our access, or the refresh token expired. */
public class GrantRevokedException extends RuntimeException {
    public GrantRevokedException(String message) {
        super(message);
    }
}
