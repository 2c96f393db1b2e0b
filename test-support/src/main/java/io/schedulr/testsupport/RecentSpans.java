package io.schedulr.testsupport;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The spans a service under test finished last (a bounded window, so a whole test run does not pile them up in memory).
 * A service's tests produce it as their {@code SpanExporter} bean, which also keeps the OTLP exporter from dialling a
 * collector that is not there.
 */
public final class RecentSpans implements SpanExporter {
    private static final int KEPT = 20_000;
    private final Deque<SpanData> spans = new ArrayDeque<>();

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> finished) {
        for (SpanData span : finished) {
            if (spans.size() == KEPT) {
                spans.removeFirst();
            }
            spans.addLast(span);
        }
        return CompletableResultCode.ofSuccess();
    }

    /** The finished spans of {@code traceId}, waiting up to {@code timeout} until one matches {@code until}. */
    public List<SpanData> awaitTrace(String traceId, Predicate<List<SpanData>> until, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<SpanData> trace = ofTrace(traceId);
        while (!until.test(trace) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            trace = ofTrace(traceId);
        }
        return trace;
    }

    public synchronized List<SpanData> ofTrace(String traceId) {
        return spans.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
