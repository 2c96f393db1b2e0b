package io.schedulr.scheduling.application.port.in;

/** A room change that happened (on any replica) reaches everyone watching on this one. */
public interface ShareRoomChangeUseCase {
    void share(LiveRoomChange change);
}
