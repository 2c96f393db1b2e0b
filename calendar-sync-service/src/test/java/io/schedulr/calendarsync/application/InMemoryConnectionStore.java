package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.ConnectionStore;
import io.schedulr.calendarsync.domain.CalendarConnection;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connections in memory, as the database holds them: what a service reads is a copy, and only {@link #save} writes,
 * so a change that is never saved (or is rolled back by {@link InMemoryTransactions}) is not there afterwards.
 */
final class InMemoryConnectionStore implements ConnectionStore {
    private Map<String, CalendarConnection> rows = new LinkedHashMap<>();
    int saves;

    @Override
    public Optional<CalendarConnection> find(String googleAccountId) {
        return Optional.ofNullable(rows.get(googleAccountId)).map(InMemoryConnectionStore::copy);
    }

    @Override
    public Optional<CalendarConnection> findByEmail(String email) {
        return rows.values().stream().filter(c -> email != null && email.equalsIgnoreCase(c.email()))
                .min(Comparator.comparing((CalendarConnection c) -> !c.isConnected()))
                .map(InMemoryConnectionStore::copy);
    }

    @Override
    public CalendarConnection lock(String googleAccountId, String email) {
        return find(googleAccountId).orElseGet(() -> CalendarConnection.none(googleAccountId, email));
    }

    @Override
    public void save(CalendarConnection connection) {
        saves++;
        rows.put(connection.googleAccountId(), copy(connection));
    }

    @Override
    public List<CalendarConnection> lockDueForCheck(Instant checkedBefore, int limit) {
        return rows.values().stream()
                .filter(c -> c.isConnected() && (c.checkedAt() == null || c.checkedAt().isBefore(checkedBefore)))
                .sorted(Comparator.comparing(CalendarConnection::checkedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .limit(limit).map(InMemoryConnectionStore::copy).toList();
    }

    /** Puts a row in place as a test's starting point. */
    void given(CalendarConnection connection) {
        rows.put(connection.googleAccountId(), copy(connection));
    }

    /** The stored row, for assertions. */
    CalendarConnection row(String googleAccountId) {
        CalendarConnection row = rows.get(googleAccountId);
        return row == null ? null : copy(row);
    }

    boolean has(String googleAccountId) {
        return rows.containsKey(googleAccountId);
    }

    Map<String, CalendarConnection> snapshot() {
        return new LinkedHashMap<>(rows);
    }

    void restore(Map<String, CalendarConnection> snapshot) {
        rows = new LinkedHashMap<>(snapshot);
    }

    static CalendarConnection copy(CalendarConnection c) {
        return new CalendarConnection(c.googleAccountId(), c.email(), c.status(), c.reason(), c.sealedRefreshToken(), c.calendarId(),
                c.connectedAt(), c.checkedAt());
    }
}
