package io.schedulr.calendarsync.config;

import io.schedulr.calendarsync.adapter.out.crypto.AesGcmTokenVault;
import io.schedulr.calendarsync.application.ConnectCalendarService;
import io.schedulr.calendarsync.application.ManageConnectionService;
import io.schedulr.calendarsync.application.RoomMirrorService;
import io.schedulr.calendarsync.application.VerifyConnectionsService;
import io.schedulr.calendarsync.application.port.out.CalendarEvents;
import io.schedulr.calendarsync.application.port.out.ConsumedEvents;
import io.schedulr.calendarsync.application.port.out.GoogleCallAudit;
import io.schedulr.calendarsync.application.port.out.MirrorJobs;
import io.schedulr.calendarsync.application.port.out.RoomMirrors;
import io.schedulr.calendarsync.application.port.out.AuthorizationStates;
import io.schedulr.calendarsync.application.port.out.ConnectionEvents;
import io.schedulr.calendarsync.application.port.out.ConnectionStore;
import io.schedulr.calendarsync.application.port.out.DedicatedCalendars;
import io.schedulr.calendarsync.application.port.out.GoogleAuthorization;
import io.schedulr.calendarsync.application.port.out.TokenVault;
import io.schedulr.calendarsync.application.port.out.Transactions;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Builds the framework-free application services from their ports. */
public class UseCaseWiring {

    @Produces
    @Singleton
    TokenVault tokenVault(GoogleConfig config) {
        return new AesGcmTokenVault(TokenKeys.parse(config.tokenKeys()));
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ConnectCalendarService connect(AuthorizationStates states, GoogleAuthorization google, DedicatedCalendars calendars, TokenVault vault,
                                   ConnectionStore store, ConnectionEvents events, Transactions transactions, Clock clock, GoogleConfig config) {
        return new ConnectCalendarService(states, google, calendars, vault, store, events, transactions, clock, config.stateLifetime());
    }

    @Produces
    @Singleton
    ManageConnectionService manage(ConnectionStore store, ConnectionEvents events, GoogleAuthorization google, TokenVault vault,
                                   Transactions transactions) {
        return new ManageConnectionService(store, events, google, vault, transactions);
    }

    @Produces
    @Singleton
    VerifyConnectionsService verify(ConnectionStore store, ConnectionEvents events, GoogleAuthorization google, TokenVault vault,
                                    Transactions transactions, Clock clock, GoogleConfig config) {
        return new VerifyConnectionsService(store, events, google, vault, transactions, clock, config.verifyInterval());
    }

    @Produces
    @Singleton
    RoomMirrorService roomMirror(ConsumedEvents consumed, MirrorJobs jobs, RoomMirrors mirrors, CalendarEvents calendar, GoogleCallAudit audit,
                                 ConnectionStore connections, ConnectionEvents events, GoogleAuthorization google, TokenVault vault,
                                 Transactions transactions, Clock clock, MirrorConfig config) {
        return new RoomMirrorService(consumed, jobs, mirrors, calendar, audit, connections, events, google, vault, transactions, clock,
                config.firstBackoff(), config.maxBackoff());
    }
}
