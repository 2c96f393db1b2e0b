package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.in.VerifyConnectionsUseCase;
import io.schedulr.calendarsync.application.port.out.ConnectionStore;
import io.schedulr.calendarsync.application.port.out.GoogleAuthorization;
import io.schedulr.calendarsync.application.port.out.TokenVault;
import io.schedulr.calendarsync.application.port.out.Transactions;
import io.schedulr.calendarsync.domain.CalendarConnection;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Refreshes each connected person's grant now and then. {@code invalid_grant} marks them revoked and announces it, so
 * scheduling-service gates them and the app asks them to connect again. A grant that cannot be checked (Google down, a
 * token sealed with a key no longer configured) is left as it is and logged; it never stops the others.
 */
public class VerifyConnectionsService implements VerifyConnectionsUseCase {
    private static final System.Logger LOG = System.getLogger(VerifyConnectionsService.class.getName());
    private static final int BATCH = 20;

    private final ConnectionStore store;
    private final GoogleAuthorization google;
    private final TokenVault vault;
    private final GoogleGrants grants;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration interval;

    public VerifyConnectionsService(ConnectionStore store, GoogleAuthorization google, TokenVault vault, GoogleGrants grants,
                                    Transactions transactions, Clock clock, Duration interval) {
        this.store = store;
        this.google = google;
        this.vault = vault;
        this.grants = grants;
        this.transactions = transactions;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * A batch of due grants is claimed first, in a short transaction that stamps them checked (so no other replica takes
     * them this round); each is then refreshed with no transaction open and no row locked, so a slow Google holds up
     * nobody's connect, disconnect or sign-in; a refusal is recorded in a transaction of its own.
     */
    @Override
    public int verifyDue() {
        Instant now = clock.instant();
        List<CalendarConnection> claimed = transactions.inTransaction(() -> {
            List<CalendarConnection> due = store.lockDueForCheck(now.minus(interval), BATCH);
            for (CalendarConnection connection : due) {
                connection.checked(now);
                store.save(connection);
            }
            return due;
        });
        claimed.forEach(this::verify);
        return claimed.size();
    }

    private void verify(CalendarConnection claimed) {
        try {
            google.refresh(vault.open(claimed.sealedRefreshToken()));
        } catch (GrantRevokedException e) {
            recordRefused(claimed);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not check the calendar grant of " + claimed.googleAccountId() + "; next round tries again: " + e);
        }
    }

    private void recordRefused(CalendarConnection claimed) {
        try {
            transactions.inTransaction(() -> {
                grants.revoked(claimed, "the periodic check of the grant");
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record the refused calendar grant of " + claimed.googleAccountId()
                    + "; a later check or Google call finds it again: " + e);
        }
    }
}
