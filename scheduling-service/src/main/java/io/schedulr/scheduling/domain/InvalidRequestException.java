package io.schedulr.scheduling.domain;

/** The request itself is wrong: a malformed id, a time in the past, a missing field. */
public class InvalidRequestException extends DomainException {
    public InvalidRequestException(String code, String message) {
        super(code, message);
    }
}
