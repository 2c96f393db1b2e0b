package io.schedulr.scheduling.application.port.out;

/**
 * A stored row cannot be read back (its JSON spoiled, as by a hand edit, or a value the code no longer knows): reading it
 * again can never pass. A request for it fails alone; a change arriving from another system for it is skipped, so it
 * never holds up the changes after it.
 */
public class UnreadableRowException extends RuntimeException {
    public UnreadableRowException(String row, Throwable cause) {
        super(row + ": its row cannot be read: " + cause.getMessage(), cause);
    }
}
