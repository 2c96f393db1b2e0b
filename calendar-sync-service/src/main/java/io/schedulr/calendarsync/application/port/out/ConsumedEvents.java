package io.schedulr.calendarsync.application.port.out;

/** Event ids already taken in; Kafka delivers at least once. */
public interface ConsumedEvents {
    /** Remembers the id in the caller's transaction; false when it was already there. */
    boolean firstTime(String eventId);
}
