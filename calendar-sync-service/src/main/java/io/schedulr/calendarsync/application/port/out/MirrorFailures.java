package io.schedulr.calendarsync.application.port.out;

import io.schedulr.calendarsync.domain.RoomChange;

/** Announces a room change that will not reach Google, so the participants are emailed instead (an outbox). */
public interface MirrorFailures {
    void publish(RoomChange change, String reason);
}
