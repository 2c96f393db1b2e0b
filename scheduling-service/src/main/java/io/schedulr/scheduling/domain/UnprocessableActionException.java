package io.schedulr.scheduling.domain;

/** The request is well formed and allowed, but makes no sense for this room (e.g. a host booking their own room). */
public class UnprocessableActionException extends DomainException {
    public UnprocessableActionException(String code, String message) {
        super(code, message);
    }
}
