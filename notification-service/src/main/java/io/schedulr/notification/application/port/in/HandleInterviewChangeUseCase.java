package io.schedulr.notification.application.port.in;

import io.smallrye.mutiny.Uni;

/** Turns one consumed interview change into queued invitation mails, one per person taking part, once per event. */
public interface HandleInterviewChangeUseCase {

    /**
     * Durably records the change (and the mails it causes) before the item arrives. Fails with
     * {@link io.schedulr.notification.domain.InvalidRoomChangeException} when the change cannot be notified at all (no
     * primary interviewer with a usable address, no start before its end).
     */
    Uni<Outcome> handle(HandleInterviewChangeCommand command);

    enum Outcome {
        /** Mails queued, one per person with a usable address. */
        QUEUED,
        /** This event id was handled before; nothing new. */
        DUPLICATE,
        /** Not newer than what the interview's people were told (a lower SEQUENCE, or the same); recorded, nothing sent. */
        STALE
    }
}
