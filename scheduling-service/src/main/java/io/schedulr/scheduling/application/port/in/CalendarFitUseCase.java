package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.TimeWindow;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.function.Function;

/** Keeps what fits a person's calendar: listings with {@code fitsMyCalendar=true}. */
public interface CalendarFitUseCase {
    /** The items whose time does not clash with the person's booked sessions or (when connected) their Google busy times. */
    <T> Uni<List<T>> fitting(String userId, List<T> items, Function<T, TimeWindow> timeOf);
}
