package io.schedulr.calcom.adapter.in.scheduler;

import io.quarkus.scheduler.Scheduled;
import io.schedulr.calcom.application.port.in.ReleaseOverdueChangesUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Runs a round of releases of held Cal.com changes whose predecessor did not come within the reorder window. */
@ApplicationScoped
public class HeldChangeReleaser {
    @Inject
    ReleaseOverdueChangesUseCase round;

    @Scheduled(every = "${calcom.webhook.release-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void releaseOverdue() {
        round.releaseDue();
    }
}
