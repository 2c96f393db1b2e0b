package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.ReminderPatches;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** reminder_patch in memory, as the JDBC adapter keeps it: one row per event, due rows of connected people only. */
final class InMemoryReminderPatches implements ReminderPatches {
    private final InMemoryConnectionStore connections;
    final Map<String, Row> rows = new LinkedHashMap<>();
    /** A calendar whose patches the database refuses to mark done, as PostgreSQL refusing a value would. */
    String refusesDoneOn;

    InMemoryReminderPatches(InMemoryConnectionStore connections) {
        this.connections = connections;
    }

    static final class Row {
        Patch patch;
        String status;
        int attempts;
        Instant due;
        String note;
    }

    @Override
    public void queue(Patch patch, Instant now) {
        Row row = rows.computeIfAbsent(key(patch), k -> new Row());
        row.patch = patch;
        row.status = "pending";
        row.attempts = 0;
        row.due = now;
        row.note = null;
    }

    @Override
    public Optional<QueuedPatch> lockNextDue(Instant now) {
        return rows.values().stream()
                .filter(r -> r.status.equals("pending") && !r.due.isAfter(now))
                .filter(r -> connections.find(r.patch.personId()).map(c -> c.isConnected()).orElse(false))
                .min(Comparator.comparing(r -> r.due))
                .map(r -> new QueuedPatch(r.patch, r.attempts));
    }

    @Override
    public void done(Patch patch, String note) {
        if (patch.calendarId().equals(refusesDoneOn)) {
            throw new IllegalStateException("could not mark the patch done: refused by the test");
        }
        Row row = rows.get(key(patch));
        row.status = "done";
        row.note = note;
    }

    @Override
    public void retryAt(Patch patch, int attempts, Instant due, String reason) {
        Row row = rows.get(key(patch));
        row.attempts = attempts;
        row.due = due;
        row.note = reason;
    }

    @Override
    public void park(Patch patch, String reason) {
        Row row = rows.get(key(patch));
        row.status = "parked";
        row.note = reason;
    }

    Row row(String calendarId, String eventId) {
        return rows.get(calendarId + "/" + eventId);
    }

    private static String key(Patch patch) {
        return patch.calendarId() + "/" + patch.eventId();
    }
}
