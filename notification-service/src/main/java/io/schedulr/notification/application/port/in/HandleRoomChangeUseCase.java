package io.schedulr.notification.application.port.in;

import io.smallrye.mutiny.Uni;

/** Turns one consumed room change into queued invitation mails, exactly once per event. */
public interface HandleRoomChangeUseCase {

    /**
     * Durably records the change (and the mails it causes) before the item arrives.
     * Fails with {@link io.schedulr.notification.domain.InvalidRoomChangeException} when the change cannot be notified.
     */
    Uni<Outcome> handle(HandleRoomChangeCommand command);

    enum Outcome {
        /** Mails queued (for host and guest, or for whoever was not emailed for this change yet). */
        QUEUED,
        /** Google invites both people for this change (host's calendar connected, gate on); recorded, nothing sent. */
        LEFT_TO_GOOGLE,
        /** Both people already got, or are due to get, an email for this very change; nothing new. */
        ALREADY_EMAILED,
        /** This event id was handled before; nothing new. */
        DUPLICATE,
        /** Older than what the room's people were already told; recorded, nothing sent. */
        STALE,
        /** A change nobody is told about. */
        IGNORED
    }
}
