package io.schedulr.scheduling.domain;

/** A rule of the domain said no. {@code code} is stable and machine-readable; the message is for people. */
public abstract class DomainException extends RuntimeException {
    private final String code;

    protected DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
