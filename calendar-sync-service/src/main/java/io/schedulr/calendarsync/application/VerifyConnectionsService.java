package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.in.VerifyConnectionsUseCase;
import io.schedulr.calendarsync.application.port.out.ConnectionEvents;
import io.schedulr.calendarsync.application.port.out.ConnectionStore;
import io.schedulr.calendarsync.application.port.out.GoogleAuthorization;
import io.schedulr.calendarsync.application.port.out.TokenVault;
import io.schedulr.calendarsync.application.port.out.Transactions;
import io.schedulr.calendarsync.domain.CalendarConnection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refreshes each connected person's grant now and then. {@code invalid_grant} marks them revoked and announces it, so
 * scheduling-service gates them and the app asks them to connect again. A grant that cannot be checked (Google down, a
 * token sealed with a key no longer configured) is left as it is and logged; it never stops the others.
 */
public class VerifyConnectionsService implements VerifyConnectionsUseCase {
    private static final Logger LOG = Logger.getLogger(VerifyConnectionsService.class.getName());
    private static final int BATCH = 20;

    private final ConnectionStore store;
    private final ConnectionEvents events;
    private final GoogleAuthorization google;
    private final TokenVault vault;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration interval;

    public VerifyConnectionsService(ConnectionStore store, ConnectionEvents events, GoogleAuthorization google, TokenVault vault,
                                    Transactions transactions, Clock clock, Duration interval) {
        this.store = store;
        this.events = events;
        this.google = google;
        this.vault = vault;
        this.transactions = transactions;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public int verifyDue() {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            int checked = 0;
            for (CalendarConnection connection : store.lockDueForCheck(now.minus(interval), BATCH)) {
                verify(connection, now);
                checked++;
            }
            return checked;
        });
    }

    private void verify(CalendarConnection connection, Instant now) {
        try {
            google.refresh(vault.open(connection.sealedRefreshToken()));
            connection.checked(now);
            store.save(connection);
        } catch (GrantRevokedException e) {
            LOG.info("Google no longer honours the calendar grant of " + connection.googleAccountId() + "; marked revoked");
            var change = connection.revoked();
            store.save(connection);
            events.publish(change);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not check the calendar grant of " + connection.googleAccountId() + "; next round tries again: " + e);
            connection.checked(now);
            store.save(connection);
        }
    }
}
