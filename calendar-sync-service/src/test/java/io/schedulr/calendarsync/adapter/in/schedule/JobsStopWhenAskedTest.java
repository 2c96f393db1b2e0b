package io.schedulr.calendarsync.adapter.in.schedule;

import io.schedulr.calendarsync.application.port.in.MirrorRoomsUseCase;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A job draining a long queue ends after its current transaction once the service is asked to stop. */
class JobsStopWhenAskedTest {
    @Test
    void theMirrorLoopEndsAfterTheJobInHandWhenShutdownBegins() {
        ShutdownSignal signal = new ShutdownSignal();
        AtomicInteger ran = new AtomicInteger();
        MirrorRoomsJob job = new MirrorRoomsJob();
        job.shutdown = signal;
        job.mirror = new MirrorRoomsUseCase() {
            @Override
            public boolean mirrorNext() {
                if (ran.incrementAndGet() == 3) {
                    signal.request(); // SIGTERM arrives while the third job runs
                }
                return true; // a backlog that never ends
            }

            @Override
            public boolean announceNextOfRevokedHost() {
                return false;
            }
        };

        job.run();

        assertThat(ran).hasValue(3);
    }

    @Test
    void withoutShutdownTheLoopDrainsEverythingDue() {
        AtomicInteger left = new AtomicInteger(5);
        MirrorInterviewsJob job = new MirrorInterviewsJob();
        job.shutdown = new ShutdownSignal();
        job.mirror = () -> left.getAndDecrement() > 0;

        job.run();

        assertThat(left.get()).isNegative();
    }

    @Test
    void theReminderLoopEndsAfterThePatchInHandWhenShutdownBegins() {
        ShutdownSignal signal = new ShutdownSignal();
        AtomicInteger ran = new AtomicInteger();
        PatchRemindersJob job = new PatchRemindersJob();
        job.shutdown = signal;
        job.reminders = () -> {
            if (ran.incrementAndGet() == 2) {
                signal.request();
            }
            return true;
        };

        job.run();

        assertThat(ran).hasValue(2);
    }
}
