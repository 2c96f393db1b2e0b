package io.schedulr.notification.application.port.in;

import io.schedulr.notification.domain.CalendarConnection;
import io.smallrye.mutiny.Uni;

/** Notes a person's calendar connection change, which decides whether Google or we send their room's invitations. */
public interface RecordCalendarConnectionUseCase {

    /** @return APPLIED, or STALE when a newer change of the same person is already known (redelivery, reordering) */
    Uni<Outcome> record(CalendarConnection connection);

    enum Outcome {
        APPLIED,
        STALE
    }
}
