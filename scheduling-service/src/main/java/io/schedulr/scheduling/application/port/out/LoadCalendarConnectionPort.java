package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.CalendarConnection;
import io.smallrye.mutiny.Uni;

import java.util.Optional;

public interface LoadCalendarConnectionPort {
    /** The person's last known connection state, in the caller's transaction; empty if none was ever announced. One key lookup. */
    Uni<Optional<CalendarConnection>> load(String userId);
}
