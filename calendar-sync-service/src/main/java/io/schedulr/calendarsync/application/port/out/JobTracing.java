package io.schedulr.calendarsync.application.port.out;

/**
 * Runs a queued job's work as part of the trace it was queued in, so a booking's Google write belongs to the booking's
 * trace. The trace context is opaque here (what {@link MirrorJobs} kept beside the job).
 */
public interface JobTracing {
    /** Runs the work untraced; for tests and callers without tracing. */
    JobTracing UNTRACED = (traceContext, name, work) -> work.run();

    void within(String traceContext, String name, Runnable work);
}
