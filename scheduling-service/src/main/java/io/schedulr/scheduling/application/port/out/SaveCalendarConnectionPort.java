package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.CalendarConnection;
import io.smallrye.mutiny.Uni;

public interface SaveCalendarConnectionPort {
    /**
     * Stores the state unless a newer one ({@link CalendarConnection#supersedes}) is stored already, atomically: of two
     * concurrent saves for one person the newer state remains. No users row is needed.
     *
     * @return whether it was stored
     */
    Uni<Boolean> saveUnlessOlder(CalendarConnection connection);
}
