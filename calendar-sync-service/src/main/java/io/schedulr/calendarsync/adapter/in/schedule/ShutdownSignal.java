package io.schedulr.calendarsync.adapter.in.schedule;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Set once the service is asked to stop. The jobs drain their queues one transaction at a time in a loop; they check it
 * between transactions, so a stopping pod ends its current job and leaves the rest to the other replicas (or to its
 * next start) instead of working through a backlog of thousands until it is killed.
 */
@ApplicationScoped
public class ShutdownSignal {
    private volatile boolean requested;

    void onStop(@Observes ShutdownEvent event) {
        requested = true;
    }

    /** True once shutdown began. */
    public boolean requested() {
        return requested;
    }

    /** Marks shutdown as begun (what {@link ShutdownEvent} does; for tests). */
    void request() {
        requested = true;
    }
}
