package io.schedulr.scheduling.domain;

/** The caller is known but may not do this to this room. */
public class ForbiddenActionException extends DomainException {
    public ForbiddenActionException(String code, String message) {
        super(code, message);
    }
}
