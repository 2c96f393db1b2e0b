package io.schedulr.notification.domain;

import java.util.List;
import java.util.Objects;

/**
 * What to do with one room change, decided against the room's state.
 *
 * @param invitations the mails to send, one per distinct recipient; empty when stale
 * @param skipped     when stale: the mails that are not sent (for the audit)
 * @param nextState   the room's state afterwards (unchanged when stale)
 * @param staleReason why nothing is sent, or null
 */
public record NotificationPlan(String eventId, InviteMethod method, int sequence, List<Invitation> invitations,
                               List<Invitation> skipped, RoomNotificationState nextState, String staleReason) {
    public NotificationPlan {
        Objects.requireNonNull(nextState, "nextState");
        invitations = List.copyOf(invitations);
        skipped = List.copyOf(skipped);
    }

    public boolean stale() {
        return staleReason != null;
    }
}
