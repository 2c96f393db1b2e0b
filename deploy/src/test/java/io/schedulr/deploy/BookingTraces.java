package io.schedulr.deploy;

import io.schedulr.testsupport.traces.CollectedSpan;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What the end-to-end tests check of a booking's trace, as the local trace collector received it from the services. */
final class BookingTraces {
    static final String SCHEDULING = "scheduling-service";
    static final String NOTIFICATION = "notification-service";
    static final String CALENDAR_SYNC = "calendar-sync-service";

    private BookingTraces() {
    }

    static List<CollectedSpan> of(List<CollectedSpan> trace, String service, String kind) {
        return trace.stream().filter(s -> s.service().equals(service) && s.kind().equals(kind)).toList();
    }

    static long named(List<CollectedSpan> trace, String service, String name) {
        return trace.stream().filter(s -> s.service().equals(service) && s.name().equals(name)).count();
    }

    /**
     * scheduling-service's part: the HTTP server span continues the caller's span, and the outbox relay's producer span
     * (the Kafka record's {@code traceparent}) is in the same trace. Returns the producer spans' ids.
     */
    static Set<String> assertSchedulingPart(List<CollectedSpan> trace, Traceparent caller, String route) {
        assertThat(of(trace, SCHEDULING, "SERVER")).as("scheduling-service's server span of " + route + " in " + trace)
                .anySatisfy(s -> {
                    assertThat(s.parentSpanId()).isEqualTo(caller.callerSpanId());
                    assertThat(s.name()).contains(route);
                });
        List<CollectedSpan> producers = of(trace, SCHEDULING, "PRODUCER");
        assertThat(producers).as("scheduling-service's Kafka producer span in " + trace).isNotEmpty();
        return producers.stream().map(CollectedSpan::spanId).collect(Collectors.toSet());
    }

    /** A consumer span of {@code service} whose parent is one of scheduling-service's producer spans. */
    static void assertConsumedFrom(List<CollectedSpan> trace, String service, Set<String> producerSpans) {
        assertThat(of(trace, service, "CONSUMER")).as(service + "'s consumer span, child of a scheduling-service producer span, in " + trace)
                .anySatisfy(s -> assertThat(producerSpans).contains(s.parentSpanId()));
    }
}
