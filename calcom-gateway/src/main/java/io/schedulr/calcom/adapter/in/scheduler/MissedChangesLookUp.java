package io.schedulr.calcom.adapter.in.scheduler;

import io.quarkus.scheduler.Scheduled;
import io.schedulr.calcom.application.port.in.LookUpMissedChangesUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Runs a round of look-ups at Cal.com for changes its webhooks never told, every minute, one round at a time per replica. */
@ApplicationScoped
public class MissedChangesLookUp {
    @Inject
    LookUpMissedChangesUseCase round;

    @Scheduled(identity = "calcom-missed-changes", every = "${calcom.look-up.every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        round.lookUpDue();
    }
}
