package io.schedulr.kit.metrics;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class PolledFiguresTest {
    @Test
    void reportsTheLastReadAndNaNBeforeItAndWhileTheReadFails() {
        AtomicReference<Uni<Map<String, Double>>> next = new AtomicReference<>(Uni.createFrom().item(Map.of("backlog", 3.0)));
        PolledFigures figures = new PolledFigures("the outbox", next::get);
        assertThat(figures.get("backlog")).isNaN();

        figures.refresh();
        assertThat(figures.get("backlog")).isEqualTo(3.0);
        assertThat(figures.get("oldest_age")).as("a figure the read does not give").isNaN();

        next.set(Uni.createFrom().failure(new IllegalStateException("connection refused")));
        figures.refresh();
        assertThat(figures.get("backlog")).isNaN();

        next.set(Uni.createFrom().item(Map.of("backlog", 0.0)));
        figures.refresh();
        assertThat(figures.get("backlog")).isZero();
    }

    @Test
    void aReadThatThrowsCountsAsAFailedRead() {
        PolledFigures figures = new PolledFigures("the outbox", () -> {
            throw new IllegalStateException("pool closed");
        });

        figures.refresh();

        assertThat(figures.get("backlog")).isNaN();
    }

    @Test
    void aReadGivingANullFigureFailsAloneAndTheNextReadStillRuns() {
        Map<String, Double> withNull = new java.util.HashMap<>();
        withNull.put("oldest_age", null);
        AtomicReference<Uni<Map<String, Double>>> next = new AtomicReference<>(Uni.createFrom().item(withNull));
        PolledFigures figures = new PolledFigures("the outbox", next::get);

        figures.refresh();
        assertThat(figures.get("oldest_age")).isNaN();

        next.set(Uni.createFrom().item(Map.of("oldest_age", 4.0)));
        figures.refresh();
        assertThat(figures.get("oldest_age")).isEqualTo(4.0);
    }

    @Test
    void doesNotStartASecondReadWhileOneIsRunning() {
        AtomicInteger reads = new AtomicInteger();
        CompletableFuture<Map<String, Double>> running = new CompletableFuture<>();
        PolledFigures figures = new PolledFigures("the outbox", () -> {
            reads.incrementAndGet();
            return Uni.createFrom().completionStage(running);
        });

        figures.refresh();
        figures.refresh();
        assertThat(reads).hasValue(1);

        running.complete(Map.of("backlog", 1.0));
        figures.refresh();
        assertThat(reads).hasValue(2);
        assertThat(figures.get("backlog")).isEqualTo(1.0);
    }
}
