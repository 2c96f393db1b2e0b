package io.schedulr.testsupport.traces;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The latest spans received, at most {@code capacity} of them (the oldest go first), in memory. */
final class SpanStore {
    private static final Comparator<CollectedSpan> BY_START = Comparator.comparing(CollectedSpan::start)
            .thenComparing(CollectedSpan::end);

    private final int capacity;
    private final Deque<CollectedSpan> spans = new ArrayDeque<>();

    SpanStore(int capacity) {
        this.capacity = capacity;
    }

    synchronized void addAll(Collection<CollectedSpan> received) {
        for (CollectedSpan span : received) {
            if (spans.size() == capacity) {
                spans.removeFirst();
            }
            spans.addLast(span);
        }
    }

    /** The spans of one trace, the earliest start first. */
    synchronized List<CollectedSpan> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).sorted(BY_START).toList();
    }

    /** The traces whose spans arrived last, the latest first, at most {@code limit}. */
    synchronized List<TraceSummary> latest(int limit) {
        Map<String, List<CollectedSpan>> byTrace = new LinkedHashMap<>();
        spans.descendingIterator().forEachRemaining(s -> byTrace.computeIfAbsent(s.traceId(), id -> new ArrayList<>()).add(s));
        return byTrace.values().stream().limit(limit).map(SpanStore::summary).toList();
    }

    synchronized int size() {
        return spans.size();
    }

    private static TraceSummary summary(List<CollectedSpan> trace) {
        List<CollectedSpan> sorted = trace.stream().sorted(BY_START).toList();
        List<String> services = sorted.stream().map(CollectedSpan::service).distinct().toList();
        CollectedSpan first = sorted.get(0);
        return new TraceSummary(first.traceId(), services, sorted.size(), first.name(), first.start());
    }
}
