package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.in.ManageConnectionUseCase;
import io.schedulr.calendarsync.application.port.out.ConnectionEvents;
import io.schedulr.calendarsync.application.port.out.ConnectionStore;
import io.schedulr.calendarsync.application.port.out.GoogleAuthorization;
import io.schedulr.calendarsync.application.port.out.TokenVault;
import io.schedulr.calendarsync.application.port.out.Transactions;
import io.schedulr.calendarsync.domain.CalendarConnection;

import java.lang.System.Logger.Level;
import java.util.Optional;

/** A person's view of their connection, and disconnecting. */
public class ManageConnectionService implements ManageConnectionUseCase {
    private static final System.Logger LOG = System.getLogger(ManageConnectionService.class.getName());

    private final ConnectionStore store;
    private final ConnectionEvents events;
    private final GoogleAuthorization google;
    private final TokenVault vault;
    private final Transactions transactions;
    private final WatchCalendarsService watches;

    public ManageConnectionService(ConnectionStore store, ConnectionEvents events, GoogleAuthorization google, TokenVault vault,
                                   Transactions transactions, WatchCalendarsService watches) {
        this.watches = watches;
        this.store = store;
        this.events = events;
        this.google = google;
        this.vault = vault;
        this.transactions = transactions;
    }

    @Override
    public ConnectionView connectionOf(Person person) {
        return store.find(person.googleAccountId()).map(ConnectionView::of).orElseGet(ConnectionView::none);
    }

    @Override
    public ConnectionView disconnect(Person person) {
        Optional<CalendarConnection> current = store.find(person.googleAccountId());
        if (current.isEmpty() || !current.get().isConnected()) {
            return current.map(ConnectionView::of).orElseGet(ConnectionView::none);
        }
        stopPushChannels(current.get());
        revokeAtGoogle(current.get());
        return transactions.inTransaction(() -> {
            CalendarConnection connection = store.lock(person.googleAccountId(), person.email());
            if (connection.isConnected()) {
                var change = connection.disconnect();
                store.save(connection);
                events.publish(change);
            }
            return ConnectionView.of(connection);
        });
    }

    /** While the grant still works: afterwards no token could stop them. */
    private void stopPushChannels(CalendarConnection connection) {
        if (watches == null) {
            return;
        }
        try {
            watches.stopAllOf(connection);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not stop the push channels of " + connection.googleAccountId() + " now: " + e);
        }
    }

    /** The person asked us to let go: we forget the token even when Google cannot be told right now. */
    private void revokeAtGoogle(CalendarConnection connection) {
        try {
            google.revoke(vault.open(connection.sealedRefreshToken()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not revoke the Google grant of " + connection.googleAccountId()
                    + " (the token is forgotten anyway; the person can also remove access in their Google account): " + e);
        }
    }
}
