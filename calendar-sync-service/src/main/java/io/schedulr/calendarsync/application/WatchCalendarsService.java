package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.in.WatchCalendarsUseCase;
import io.schedulr.calendarsync.application.port.out.CalendarWatch;
import io.schedulr.calendarsync.application.port.out.ChannelStore;
import io.schedulr.calendarsync.application.port.out.ConnectionStore;
import io.schedulr.calendarsync.application.port.out.GoogleCallAudit;
import io.schedulr.calendarsync.application.port.out.SyncStates;
import io.schedulr.calendarsync.application.port.out.Transactions;
import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.WatchChannel;
import io.schedulr.calendarsync.domain.WatchChannelStatus;

import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One working push channel per connected dedicated calendar. A connected person without a live channel (just connected,
 * or theirs ends before the renewal margin) gets a new one — a fresh UUID and a random token — and a sync (a full one
 * when none ran yet). The older channel keeps working until Google's first message on the new one proves it, then it
 * is stopped; channels of people who disconnected or were revoked are stopped too, so none is left behind at Google.
 */
public class WatchCalendarsService implements WatchCalendarsUseCase {
    private static final System.Logger LOG = System.getLogger(WatchCalendarsService.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BATCH = 20;
    private static final int MAX_BATCHES = 100;
    /** How long a channel may stay half-opened (the service stopped between recording it and Google's answer). */
    private static final Duration OPENING_GRACE = Duration.ofMinutes(2);
    /** After a failed opening the person's next one waits this long, doubling with each failure in a row up to the maximum. */
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY = Duration.ofHours(1);

    private final ChannelStore channels;
    private final SyncStates syncs;
    private final ConnectionStore connections;
    private final CalendarWatch google;
    private final GoogleGrants grants;
    private final GoogleCallAudit audit;
    private final Transactions transactions;
    private final Clock clock;
    private final Supplier<String> webhookAddress;
    private final Duration channelTtl;
    private final GoneCalendars goneCalendars;

    /**
     * @param webhookAddress where Google posts (read when a channel opens: a test's port is known only once it runs)
     * @param channelTtl     asked of Google for each channel; null for Google's default (about a week)
     */
    public WatchCalendarsService(ChannelStore channels, SyncStates syncs, ConnectionStore connections, CalendarWatch google, GoogleGrants grants,
                                 GoogleCallAudit audit, Transactions transactions, Clock clock, Supplier<String> webhookAddress,
                                 Duration channelTtl) {
        this(channels, syncs, connections, google, grants, audit, transactions, clock, webhookAddress, channelTtl, null);
    }

    /** @param goneCalendars makes a dedicated calendar anew when Google says it is gone; null: the opening fails as any other */
    public WatchCalendarsService(ChannelStore channels, SyncStates syncs, ConnectionStore connections, CalendarWatch google, GoogleGrants grants,
                                 GoogleCallAudit audit, Transactions transactions, Clock clock, Supplier<String> webhookAddress,
                                 Duration channelTtl, GoneCalendars goneCalendars) {
        this.goneCalendars = goneCalendars;
        this.channels = channels;
        this.syncs = syncs;
        this.connections = connections;
        this.google = google;
        this.grants = grants;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.webhookAddress = webhookAddress;
        this.channelTtl = channelTtl;
    }

    /**
     * Batch after batch, so a burst of connections all get their channel in one round. A person whose opening fails is
     * not asked again before their back-off ends (growing with each failure in a row), and the round goes on with the
     * people after them; only a batch in which Google was unavailable for everyone ends it (the next round starts after
     * them, since they back off). Nobody gets two channels in one round, so a channel lifetime below the renewal margin
     * cannot spin.
     */
    @Override
    public int openChannels(Instant renewBefore) {
        Set<String> done = new HashSet<>();
        int opened = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Batch result = openBatch(renewBefore, done);
            opened += result.opened();
            if (result.tried() == 0 || result.opened() == 0 && result.unavailable() == result.tried()) {
                break;
            }
        }
        return opened;
    }

    /** One batch: how many people were tried, how many got a channel, and for how many Google was unavailable. */
    private record Batch(int tried, int opened, int unavailable) {
    }

    private Batch openBatch(Instant renewBefore, Set<String> done) {
        List<ChannelStore.Watchable> due = transactions.inTransaction(() -> channels.needingChannel(clock.instant(), renewBefore,
                BATCH + done.size()));
        int tried = 0;
        int opened = 0;
        int unavailable = 0;
        for (ChannelStore.Watchable person : due) {
            if (!done.add(person.userId())) {
                continue;
            }
            tried++;
            try {
                if (transactions.inTransaction(() -> open(person, renewBefore))) {
                    opened++;
                }
            } catch (RuntimeException e) {
                if (e instanceof GoogleUnavailableException) {
                    unavailable++;
                }
                LOG.log(Level.WARNING, "calendar of " + person.userId() + ": could not open a push channel: " + e);
            }
        }
        return new Batch(tried, opened, unavailable);
    }

    /**
     * Recorded first (under the person's lock, so two replicas never open two channels for one calendar), since Google's
     * first message on it may arrive before its answer; then Google is asked, outside any transaction; then it becomes
     * the person's active channel and a sync catches up on what changed while none listened.
     */
    private boolean open(ChannelStore.Watchable person, Instant renewBefore) {
        String channelId = UUID.randomUUID().toString();
        String token = newToken();
        Optional<CalendarConnection> recorded = transactions.inTransaction(() -> {
            CalendarConnection connection = connections.lock(person.userId(), null);
            if (!connection.isConnected() || !person.calendarId().equals(connection.calendarId())
                    || !channels.needsChannel(person.userId(), clock.instant(), renewBefore)) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            channels.opening(new WatchChannel(channelId, person.userId(), connection.calendarId(), null, token, now.plus(OPENING_GRACE),
                    WatchChannelStatus.OPENING, null), now);
            return Optional.of(connection);
        });
        if (recorded.isEmpty()) {
            return false;
        }
        CalendarConnection connection = recorded.get();
        CalendarWatch.OpenedChannel opened;
        try {
            opened = grants.withAccessToken(connection, null,
                    access -> google.watch(access, connection.calendarId(), channelId, token, webhookAddress.get(), channelTtl));
        } catch (RuntimeException e) {
            audit.record(null, person.userId(), "events.watch", GoogleOutcomes.of(e));
            transactions.inTransaction(() -> {
                channels.discard(channelId);
                if (e instanceof GrantRevokedException) {
                    grants.revoked(connection, "opening a push channel");
                }
                return null;
            });
            if (e instanceof GrantRevokedException) {
                return false;
            }
            if (e instanceof CalendarGoneException gone && goneCalendars != null) {
                try {
                    if (transactions.inTransaction(() -> goneCalendars.replace(connection, gone.calendarId(), "opening a push channel"))) {
                        return false; // the next round opens a channel on the new calendar
                    }
                } catch (GrantRevokedException revoked) {
                    transactions.inTransaction(() -> {
                        grants.revoked(connection, "making their deleted calendar anew");
                        return null;
                    });
                    return false;
                } catch (RuntimeException notMade) {
                    // Not made now (Google unavailable, …): this person waits like any failed opening, and is tried again.
                    backOff(person, connection, notMade);
                    throw notMade;
                }
            }
            backOff(person, connection, e);
            throw e;
        }
        audit.record(null, person.userId(), "events.watch", "ok: channel " + channelId + " until " + opened.expiresAt());
        transactions.inTransaction(() -> {
            channels.opened(channelId, opened.resourceId(), opened.expiresAt());
            syncs.request(person.userId(), connection.calendarId(), clock.instant());
            return null;
        });
        LOG.log(Level.INFO, "calendar of " + person.userId() + ": push channel " + channelId + " open until " + opened.expiresAt());
        return true;
    }

    /**
     * The person's next opening waits; meanwhile their calendar has a sync state, so the periodic backstop syncs it even
     * though no push comes (a person without a channel had none before, and was never synced).
     */
    private void backOff(ChannelStore.Watchable person, CalendarConnection connection, RuntimeException failure) {
        int failures = person.failedOpenings() + 1;
        Instant now = clock.instant();
        Instant retryAt = now.plus(Backoff.of(FIRST_RETRY, MAX_RETRY, failures));
        transactions.inTransaction(() -> {
            channels.openingFailed(person.userId(), failures, retryAt, String.valueOf(failure.getMessage()));
            syncs.request(person.userId(), connection.calendarId(), now);
            return null;
        });
        LOG.log(Level.WARNING, "calendar of " + person.userId() + ": push channel not opened (failure " + failures + " in a row), "
                + "next attempt at " + retryAt + "; synced by the backstop meanwhile");
    }

    @Override
    public int stopChannels() {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            List<WatchChannel> toStop = channels.lockToStop(now, BATCH);
            int stopped = 0;
            for (WatchChannel channel : toStop) {
                try {
                    stop(channel, now);
                    stopped++;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "push channel " + channel.channelId() + ": could not stop it now, next round tries again: " + e);
                }
            }
            return stopped;
        });
    }

    private void stop(WatchChannel channel, Instant now) {
        Optional<CalendarConnection> owner = connections.find(channel.userId()).filter(CalendarConnection::isConnected);
        if (channel.resourceId() == null) {
            // Abandoned half-opened: without Google's resource id it cannot be stopped there; it ends on its own.
            audit.record(null, channel.userId(), "channels.stop", "not called: channel " + channel.channelId() + " was never fully opened");
        } else if (channel.expiresAt().isAfter(now) && owner.isPresent()) {
            try {
                grants.withAccessToken(owner.get(), null, access -> {
                    google.stop(access, channel.channelId(), channel.resourceId());
                    return null;
                });
                audit.record(null, channel.userId(), "channels.stop", "ok: channel " + channel.channelId());
            } catch (GrantRevokedException e) {
                audit.record(null, channel.userId(), "channels.stop", GoogleOutcomes.of(e));
                grants.revoked(owner.get(), "stopping a push channel");
            } catch (GoogleRejectedException e) {
                audit.record(null, channel.userId(), "channels.stop", GoogleOutcomes.of(e) + " (taken as stopped)");
            }
            // GoogleUnavailableException propagates: the channel stays to stop next round.
        } else if (channel.expiresAt().isAfter(now)) {
            // The owner disconnected: their grant is revoked at Google, which ends the channel with it.
            audit.record(null, channel.userId(), "channels.stop", "not called: the person is no longer connected, the grant is gone");
        }
        channels.stopped(channel.channelId(), now);
        if (owner.isEmpty()) {
            syncs.forget(channel.userId());
        }
        LOG.log(Level.INFO, "calendar of " + channel.userId() + ": push channel " + channel.channelId() + " stopped");
    }

    /**
     * Stops every live channel of a person who is about to give up their grant: afterwards no token could. A channel
     * Google cannot stop now is left to the regular round (then it ends with the revoked grant or its expiry).
     */
    public void stopAllOf(CalendarConnection person) {
        transactions.inTransaction(() -> {
            Instant now = clock.instant();
            for (WatchChannel channel : channels.liveOf(person.googleAccountId())) {
                if (channel.resourceId() == null) {
                    channels.stopped(channel.channelId(), now);
                    continue;
                }
                try {
                    grants.withAccessToken(person, null, access -> {
                        google.stop(access, channel.channelId(), channel.resourceId());
                        return null;
                    });
                    audit.record(null, person.googleAccountId(), "channels.stop", "ok: channel " + channel.channelId() + " (disconnecting)");
                    channels.stopped(channel.channelId(), now);
                } catch (RuntimeException e) {
                    audit.record(null, person.googleAccountId(), "channels.stop", GoogleOutcomes.of(e));
                }
            }
            syncs.forget(person.googleAccountId());
            return null;
        });
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
