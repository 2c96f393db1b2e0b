package io.schedulr.calendarsync.application.port.in;

import java.time.Instant;

/** Keeps one working push channel on every connected person's dedicated calendar, and none on anyone else's. */
public interface WatchCalendarsUseCase {
    /** Opens a channel for every connected calendar whose active one is missing or ends before {@code renewBefore}. */
    int openChannels(Instant renewBefore);

    /** Stops channels that were replaced by a working one, expired, or belong to people no longer connected. */
    int stopChannels();
}
