package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.TimeWindow;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** A person's busy times in their own Google calendars (all of them), asked as that person. */
public interface CalendarBusyPort {
    sealed interface Answer {
    }

    /** Google answered: these are the busy times in the window. */
    record Busy(List<TimeWindow> times) implements Answer {
    }

    /** Nothing to check: the person has no usable connection. */
    record NotConnected() implements Answer {
    }

    /** Google (or calendar-sync-service) could not answer now. */
    record Unavailable(String reason) implements Answer {
    }

    Uni<Answer> busyTimes(String userId, TimeWindow window);
}
