package io.schedulr.calendarsync.application.port.out;

import io.schedulr.calendarsync.domain.CalendarConnection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** People's calendar connections. The locking methods run inside {@link Transactions#inTransaction}. */
public interface ConnectionStore {
    Optional<CalendarConnection> find(String googleAccountId);

    /**
     * The connection of whoever signed in to Google with this address (case ignored): a connected one first, then the
     * latest; empty when nobody did. Addresses are not keys — only for people known by address alone.
     */
    Optional<CalendarConnection> findByEmail(String email);

    /** The person's connection, locked until the transaction ends; a person seen for the first time is created not connected. */
    CalendarConnection lock(String googleAccountId, String email);

    void save(CalendarConnection connection);

    /** Connected people whose grant was last checked before the given time, locked; rows another replica holds are skipped. */
    List<CalendarConnection> lockDueForCheck(Instant checkedBefore, int limit);
}
