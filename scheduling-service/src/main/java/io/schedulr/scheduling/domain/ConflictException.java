package io.schedulr.scheduling.domain;

/** The request clashes with what exists (a duplicate, a state that no longer allows it): 409 with the code. */
public class ConflictException extends DomainException {
    public ConflictException(String code, String message) {
        super(code, message);
    }
}
