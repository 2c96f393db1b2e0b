package io.schedulr.calcom.application.port.in;

/**
 * A round of releases: every meeting holding a change longer than the reorder window gets its overdue changes
 * announced, each meeting alone (one that fails is logged and tried again at the next round, the others go on).
 */
public interface ReleaseOverdueChangesUseCase {
    /** One round; answers how many changes were announced. */
    int releaseDue();
}
