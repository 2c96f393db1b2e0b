package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.RecordCalendarConnectionUseCase;
import io.schedulr.notification.application.port.out.RecordCalendarConnectionPort;
import io.schedulr.notification.domain.CalendarConnection;
import io.smallrye.mutiny.Uni;

public class CalendarConnectionService implements RecordCalendarConnectionUseCase {
    private final RecordCalendarConnectionPort connections;

    public CalendarConnectionService(RecordCalendarConnectionPort connections) {
        this.connections = connections;
    }

    @Override
    public Uni<Outcome> record(CalendarConnection connection) {
        return connections.recordIfNewer(connection).map(applied -> applied ? Outcome.APPLIED : Outcome.STALE);
    }
}
