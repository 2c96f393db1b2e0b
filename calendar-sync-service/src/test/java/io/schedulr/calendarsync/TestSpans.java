package io.schedulr.calendarsync;

import io.schedulr.testsupport.RecentSpans;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The tests' span exporter: the spans this service finished, for tests that follow a trace (replaces OTLP export). */
public class TestSpans {
    @Produces
    @Singleton
    RecentSpans recentSpans() {
        return new RecentSpans();
    }
}
