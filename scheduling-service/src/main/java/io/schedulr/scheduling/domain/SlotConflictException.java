package io.schedulr.scheduling.domain;

/** Answered as 409: the slot overlaps another of the host's, or is no longer open. */
public class SlotConflictException extends DomainException {
    public SlotConflictException(String code, String message) {
        super(code, message);
    }
}
