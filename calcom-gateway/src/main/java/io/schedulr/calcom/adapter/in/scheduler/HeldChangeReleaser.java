package io.schedulr.calcom.adapter.in.scheduler;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.schedulr.calcom.application.port.in.ReleaseHeldChangesUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Announces held Cal.com changes whose predecessor did not come within the reorder window; one transaction per
 * meeting, so one broken meeting does not stop the others.
 */
@ApplicationScoped
public class HeldChangeReleaser {
    private static final Logger LOG = Logger.getLogger(HeldChangeReleaser.class);

    @Inject
    ReleaseHeldChangesUseCase releaser;

    @Scheduled(every = "${calcom.webhook.release-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void releaseOverdue() {
        for (String icalUid : QuarkusTransaction.requiringNew().call(releaser::meetingsWithOverdueChanges)) {
            try {
                int released = QuarkusTransaction.requiringNew().call(() -> releaser.releaseOverdue(icalUid));
                if (released > 0) {
                    LOG.warnf("meeting %s: %d Cal.com change(s) announced after the reorder window without their predecessor", icalUid, released);
                }
            } catch (RuntimeException e) {
                LOG.errorf("meeting %s: held Cal.com changes could not be released: %s", icalUid, e.toString());
            }
        }
    }
}
