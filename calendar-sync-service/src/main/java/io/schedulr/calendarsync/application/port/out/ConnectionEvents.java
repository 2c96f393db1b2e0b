package io.schedulr.calendarsync.application.port.out;

import io.schedulr.calendarsync.domain.ConnectionChange;

/** Tells the platform about a connection change; written in the caller's transaction (an outbox), sent after commit. */
public interface ConnectionEvents {
    void publish(ConnectionChange change);
}
