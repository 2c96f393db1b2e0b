package io.schedulr.scheduling.domain;

/** What the request names does not exist (or is not visible to the caller): 404 with the code. */
public class NotFoundException extends DomainException {
    public NotFoundException(String code, String message) {
        super(code, message);
    }
}
