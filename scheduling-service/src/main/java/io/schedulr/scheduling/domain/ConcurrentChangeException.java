package io.schedulr.scheduling.domain;

/** Someone changed the same thing at the same moment, more often than a retry could absorb; reload and try again. */
public class ConcurrentChangeException extends DomainException {
    public ConcurrentChangeException() {
        super("changed_concurrently", "This was changed by someone else just now; reload and try again.");
    }
}
