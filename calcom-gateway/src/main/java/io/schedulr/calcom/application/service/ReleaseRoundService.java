package io.schedulr.calcom.application.service;

import io.schedulr.calcom.application.port.in.ReleaseHeldChangesUseCase;
import io.schedulr.calcom.application.port.in.ReleaseOverdueChangesUseCase;
import io.schedulr.calcom.application.port.out.Transactions;

import java.lang.System.Logger.Level;

/**
 * A round of releases of held Cal.com changes whose predecessor did not come within the reorder window: one transaction
 * per meeting, so that one broken meeting does not stop the others; it keeps its held changes for the next round.
 */
public class ReleaseRoundService implements ReleaseOverdueChangesUseCase {
    private static final System.Logger LOG = System.getLogger(ReleaseRoundService.class.getName());

    private final ReleaseHeldChangesUseCase releaser;
    private final Transactions tx;

    public ReleaseRoundService(ReleaseHeldChangesUseCase releaser, Transactions tx) {
        this.releaser = releaser;
        this.tx = tx;
    }

    @Override
    public int releaseDue() {
        int announced = 0;
        for (String icalUid : tx.call(releaser::meetingsWithOverdueChanges)) {
            try {
                int released = tx.call(() -> releaser.releaseOverdue(icalUid));
                if (released > 0) {
                    LOG.log(Level.WARNING, () -> String.format(
                            "meeting %s: %d Cal.com change(s) announced after the reorder window without their predecessor", icalUid, released));
                }
                announced += released;
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, () -> String.format("meeting %s: held Cal.com changes could not be released: %s", icalUid, e));
            }
        }
        return announced;
    }
}
