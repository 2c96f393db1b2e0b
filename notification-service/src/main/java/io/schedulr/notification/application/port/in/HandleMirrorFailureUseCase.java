package io.schedulr.notification.application.port.in;

import io.smallrye.mutiny.Uni;

/**
 * calendar-sync-service reports that a room change will never reach Google: both participants are emailed for that
 * change (same UID and SEQUENCE as the room event), at most once per person per change whatever the order and the
 * redeliveries of the failure and the room event.
 */
public interface HandleMirrorFailureUseCase {

    /**
     * @param command the change as the failure carried it (its event id is the failure's own id)
     * @param reason  why the mirror failed, for the log
     */
    Uni<HandleRoomChangeUseCase.Outcome> handleMirrorFailure(HandleRoomChangeCommand command, String reason);
}
