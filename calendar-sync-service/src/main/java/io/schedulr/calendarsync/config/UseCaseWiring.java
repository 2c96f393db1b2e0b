package io.schedulr.calendarsync.config;

import io.schedulr.calendarsync.adapter.out.crypto.AesGcmTokenVault;
import io.schedulr.calendarsync.application.ConnectCalendarService;
import io.schedulr.calendarsync.application.FreeBusyService;
import io.schedulr.calendarsync.application.ReminderPreferencesService;
import io.schedulr.calendarsync.application.port.out.ReminderPatches;
import io.schedulr.calendarsync.application.port.out.ReminderPreferences;
import io.schedulr.calendarsync.application.port.out.FreeBusyCalendars;
import io.schedulr.calendarsync.application.ManageConnectionService;
import io.schedulr.calendarsync.application.SignInService;
import io.schedulr.calendarsync.application.InterviewMirrorService;
import io.schedulr.calendarsync.application.RoomMirrorService;
import io.schedulr.calendarsync.application.port.out.InterviewMirrors;
import io.schedulr.calendarsync.application.VerifyConnectionsService;
import io.schedulr.calendarsync.application.port.out.CalendarEvents;
import io.schedulr.calendarsync.application.port.out.ConsumedEvents;
import io.schedulr.calendarsync.application.port.out.GoogleCallAudit;
import io.schedulr.calendarsync.application.port.out.JobTracing;
import io.schedulr.calendarsync.application.port.out.MirrorJobs;
import io.schedulr.calendarsync.application.port.out.RoomMirrors;
import io.schedulr.calendarsync.application.port.out.AuthorizationStates;
import io.schedulr.calendarsync.application.port.out.ConnectionEvents;
import io.schedulr.calendarsync.application.port.out.ConnectionStore;
import io.schedulr.calendarsync.application.port.out.DedicatedCalendars;
import io.schedulr.calendarsync.application.port.out.GoogleAuthorization;
import io.schedulr.calendarsync.application.port.out.TokenVault;
import io.schedulr.calendarsync.application.port.out.Transactions;
import io.schedulr.calendarsync.application.CalendarSyncService;
import io.schedulr.calendarsync.application.GoneCalendars;
import io.schedulr.calendarsync.application.GoogleGrants;
import io.schedulr.calendarsync.application.WatchCalendarsService;
import io.schedulr.calendarsync.application.port.out.CalendarWatch;
import io.schedulr.calendarsync.application.port.out.ChannelStore;
import io.schedulr.calendarsync.application.port.out.MirrorFailures;
import io.schedulr.calendarsync.application.port.out.RoomCommands;
import io.schedulr.calendarsync.application.port.out.SyncStates;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.config.ConfigProvider;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.function.Supplier;

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
                                   ConnectionStore store, ConnectionEvents events, Transactions transactions, Clock clock, GoogleConfig config,
                                   GoneCalendars gone) {
        return new ConnectCalendarService(states, google, calendars, vault, store, events, transactions, clock, config.stateLifetime(), gone);
    }

    @Produces
    @Singleton
    SignInService signIn(GoogleAuthorization google, WebConfig web, ConnectCalendarService calendars,
                         @ConfigProperty(name = "schedulr.calendar.required") boolean calendarRequired) {
        return new SignInService(google, web.signInRedirectUris(), calendars, calendarRequired);
    }

    @Produces
    @Singleton
    ManageConnectionService manage(ConnectionStore store, ConnectionEvents events, GoogleAuthorization google, TokenVault vault,
                                   Transactions transactions, WatchCalendarsService watches) {
        return new ManageConnectionService(store, events, google, vault, transactions, watches);
    }

    @Produces
    @Singleton
    GoogleGrants grants(GoogleAuthorization google, TokenVault vault, GoogleCallAudit audit, ConnectionStore connections,
                        ConnectionEvents events, Clock clock) {
        return new GoogleGrants(google, vault, audit, connections, events, clock);
    }

    @Produces
    @Singleton
    GoneCalendars goneCalendars(ConnectionStore connections, DedicatedCalendars calendars, GoogleGrants grants, ConnectionEvents events,
                                MirrorJobs jobs, InterviewMirrors interviews, SyncStates syncs, GoogleCallAudit audit, Clock clock) {
        return new GoneCalendars(connections, calendars, grants, events, jobs, interviews, syncs, audit, clock);
    }

    @Produces
    @Singleton
    WatchCalendarsService watches(ChannelStore channels, SyncStates syncs, ConnectionStore connections, CalendarWatch google,
                                  GoogleGrants grants, GoogleCallAudit audit, Transactions transactions, Clock clock, SyncConfig config,
                                  GoneCalendars gone) {
        // Read when a channel opens: under test the port is only known once the server runs.
        Supplier<String> webhook = () -> ConfigProvider.getConfig().getValue("schedulr.sync.webhook-url", String.class);
        return new WatchCalendarsService(channels, syncs, connections, google, grants, audit, transactions, clock, webhook,
                config.channelTtl().orElse(null), gone);
    }

    @Produces
    @Singleton
    CalendarSyncService sync(ChannelStore channels, SyncStates syncs, ConnectionStore connections, RoomMirrors mirrors, CalendarWatch google,
                             CalendarEvents events, GoogleGrants grants, RoomCommands commands, GoogleCallAudit audit,
                             Transactions transactions, Clock clock, SyncConfig config, GoneCalendars gone) {
        return new CalendarSyncService(channels, syncs, connections, mirrors, google, events, grants, commands, audit, transactions, clock,
                config.firstBackoff(), config.maxBackoff(), gone);
    }

    @Produces
    @Singleton
    VerifyConnectionsService verify(ConnectionStore store, GoogleAuthorization google, TokenVault vault, GoogleGrants grants,
                                    Transactions transactions, Clock clock, GoogleConfig config) {
        return new VerifyConnectionsService(store, google, vault, grants, transactions, clock, config.verifyInterval());
    }

    @Produces
    @Singleton
    RoomMirrorService roomMirror(ConsumedEvents consumed, MirrorJobs jobs, RoomMirrors mirrors, CalendarEvents calendar, GoogleCallAudit audit,
                                 ConnectionStore connections, GoogleGrants grants, MirrorFailures failures, RoomCommands commands,
                                 Transactions transactions, JobTracing tracing, Clock clock, MirrorConfig config, ReminderPreferences reminders,
                                 @ConfigProperty(name = "schedulr.calendar.required") boolean calendarRequired, GoneCalendars gone) {
        return new RoomMirrorService(consumed, jobs, mirrors, calendar, audit, connections, grants, failures, commands, transactions, tracing,
                clock, config.firstBackoff(), config.maxBackoff(), reminders, calendarRequired, gone);
    }

    @Produces
    @Singleton
    InterviewMirrorService interviewMirror(ConsumedEvents consumed, InterviewMirrors interviews, CalendarEvents calendar, GoogleCallAudit audit,
                                           ConnectionStore connections, GoogleGrants grants, Transactions transactions, Clock clock,
                                           MirrorConfig config, ReminderPreferences reminders, GoneCalendars gone) {
        return new InterviewMirrorService(consumed, interviews, calendar, audit, connections, grants, transactions, clock,
                config.firstBackoff(), config.maxBackoff(), reminders, gone);
    }

    @Produces
    @Singleton
    ReminderPreferencesService reminderPreferences(ReminderPreferences preferences, Transactions transactions, RoomMirrors rooms,
                                                   InterviewMirrors interviews, ReminderPatches patches, CalendarEvents calendar,
                                                   GoogleCallAudit audit, ConnectionStore connections, GoogleGrants grants, Clock clock,
                                                   MirrorConfig config) {
        return new ReminderPreferencesService(preferences, transactions, rooms, interviews, patches, calendar, audit, connections, grants,
                clock, config.firstBackoff(), config.maxBackoff());
    }

    @Produces
    @Singleton
    FreeBusyService freeBusy(ConnectionStore connections, SyncStates syncs, FreeBusyCalendars google, GoogleGrants grants, GoogleCallAudit audit,
                             Transactions transactions, Clock clock, FreeBusyConfig config) {
        return new FreeBusyService(connections, syncs, google, grants, audit, transactions, clock, config.cacheTtl());
    }
}
