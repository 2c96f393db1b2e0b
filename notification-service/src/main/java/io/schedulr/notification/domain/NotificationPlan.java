package io.schedulr.notification.domain;

import java.util.List;
import java.util.Objects;

/**
 * What to do with one room change, decided against the room's state.
 *
 * @param invitations  the mails to send, one per distinct recipient; empty when stale
 * @param skipped      when stale: the mails that are not sent (for the audit)
 * @param nextState    the room's state afterwards (unchanged when stale)
 * @param staleReason  why nothing is sent, or null
 * @param leftToGoogle the mails not sent because Google invites these people for this change (the host's calendar is
 *                     connected and the calendar gate is on); recorded for operators
 * @param duplicates   the mails not sent because the person already got, or is due to get, an email for this change
 */
public record NotificationPlan(String eventId, InviteMethod method, int sequence, List<Invitation> invitations,
                               List<Invitation> skipped, RoomNotificationState nextState, String staleReason,
                               List<Invitation> leftToGoogle, List<Invitation> duplicates) {
    public NotificationPlan {
        Objects.requireNonNull(nextState, "nextState");
        invitations = List.copyOf(invitations);
        skipped = List.copyOf(skipped);
        leftToGoogle = leftToGoogle == null ? List.of() : List.copyOf(leftToGoogle);
        duplicates = duplicates == null ? List.of() : List.copyOf(duplicates);
    }

    public NotificationPlan(String eventId, InviteMethod method, int sequence, List<Invitation> invitations,
                            List<Invitation> skipped, RoomNotificationState nextState, String staleReason) {
        this(eventId, method, sequence, invitations, skipped, nextState, staleReason, List.of(), List.of());
    }

    public boolean stale() {
        return staleReason != null;
    }
}
