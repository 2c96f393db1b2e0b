package io.schedulr.scheduling.domain.interview;

/** draft → scheduled (the Cal.com booking exists) → confirmed (Cal.com confirmed it) → cancelled. */
public enum InterviewStatus {
    DRAFT, SCHEDULED, CONFIRMED, CANCELLED;

    /** The invitation status the Cal.com spec names, derived from the interview's. */
    public InvitationState invitationState() {
        return switch (this) {
            case DRAFT, SCHEDULED -> InvitationState.PENDING;
            case CONFIRMED -> InvitationState.CONFIRMED;
            case CANCELLED -> InvitationState.CANCELLED;
        };
    }

    public enum InvitationState { PENDING, CONFIRMED, CANCELLED }
}
