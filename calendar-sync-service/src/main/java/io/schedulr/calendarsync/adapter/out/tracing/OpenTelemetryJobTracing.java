package io.schedulr.calendarsync.adapter.out.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.schedulr.calendarsync.application.port.out.JobTracing;
import io.schedulr.kit.tracing.TraceParents;
import jakarta.enterprise.context.ApplicationScoped;

/** A span for the job, child of the W3C traceparent the job was queued with; the Google calls inside become its children. */
@ApplicationScoped
public class OpenTelemetryJobTracing implements JobTracing {
    private final Tracer tracer;

    public OpenTelemetryJobTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.schedulr.calendarsync.jobs");
    }

    @Override
    public void within(String traceContext, String name, Runnable work) {
        Span span = tracer.spanBuilder(name).setParent(TraceParents.parse(traceContext)).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            work.run();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            span.end();
        }
    }
}
