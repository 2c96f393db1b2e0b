package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.CalendarFitUseCase;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.domain.BusyTimes;
import io.schedulr.scheduling.domain.TimeWindow;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * One look at the person's calendars over the span of the listed items (not one per item), then each item is kept
 * unless it clashes. Google not answering leaves only the app's own bookings to filter by.
 */
public class CalendarFitService implements CalendarFitUseCase {
    private final UnitOfWork tx;
    private final ConflictCheck conflicts;

    public CalendarFitService(UnitOfWork tx, ConflictCheck conflicts) {
        this.tx = tx;
        this.conflicts = conflicts;
    }

    @Override
    public <T> Uni<List<T>> fitting(String userId, List<T> items, Function<T, TimeWindow> timeOf) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(items);
        }
        Instant from = items.stream().map(timeOf).map(TimeWindow::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = items.stream().map(timeOf).map(TimeWindow::end).max(Comparator.naturalOrder()).orElseThrow();
        return conflicts.busyTimesOf(tx, userId, new TimeWindow(from, to))
                .map(busy -> items.stream().filter(item -> BusyTimes.clashingWith(timeOf.apply(item), busy).isEmpty()).toList());
    }
}
