package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.in.ReadFreeBusyUseCase;
import io.schedulr.calendarsync.application.port.out.ConnectionStore;
import io.schedulr.calendarsync.application.port.out.FreeBusyCalendars;
import io.schedulr.calendarsync.application.port.out.GoogleCallAudit;
import io.schedulr.calendarsync.application.port.out.SyncStates;
import io.schedulr.calendarsync.application.port.out.Transactions;
import io.schedulr.calendarsync.domain.BusyInterval;
import io.schedulr.calendarsync.domain.CalendarConnection;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A person's free/busy over all their Google calendars, for the conflict check before a booking (asked by the person
 * themselves or, for another participant, by another service: only the Google account id counts). A person without a
 * usable connection is {@code not connected} at once (no Google call); {@code invalid_grant} turns them revoked, as
 * everywhere else, and they are not connected either. Google failing, throttling or refusing is
 * {@link GoogleUnavailableException} (the adapter keeps that to a short time budget): the booking goes on without it.
 *
 * <p>Answers are cached in memory per person and range for {@code ttl}. A cached answer is used only while the person's
 * connection is the same one and no sync of their calendar was asked for since it was fetched: a Google push notification
 * records such a request (in the database, so a push that reached any replica invalidates every replica's cache), and so
 * does the periodic backstop. Pushes come for the watched dedicated calendar only; changes on the person's other calendars
 * are seen when the cached answer expires.
 */
public class FreeBusyService implements ReadFreeBusyUseCase {
    private static final System.Logger LOG = System.getLogger(FreeBusyService.class.getName());
    /** More cached answers than this: the expired ones go, and if that is not enough, all of them (it is only a cache). */
    static final int MAX_CACHED = 10_000;

    private final ConnectionStore connections;
    private final SyncStates syncs;
    private final FreeBusyCalendars google;
    private final GoogleGrants grants;
    private final GoogleCallAudit audit;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration ttl;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    public FreeBusyService(ConnectionStore connections, SyncStates syncs, FreeBusyCalendars google, GoogleGrants grants, GoogleCallAudit audit,
                           Transactions transactions, Clock clock, Duration ttl) {
        this.connections = connections;
        this.syncs = syncs;
        this.google = google;
        this.grants = grants;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public FreeBusy freeBusyOf(Person person, FreeBusyQuery query) {
        Optional<CalendarConnection> found = connections.find(person.googleAccountId()).filter(CalendarConnection::isConnected);
        if (found.isEmpty()) {
            // Their cached answers, if any, can no longer be used: a new connection has another start.
            return FreeBusy.notConnected();
        }
        CalendarConnection connection = found.get();
        Key key = new Key(connection.googleAccountId(), query.start(), query.end());
        long requests = syncs.requestsOf(connection.googleAccountId());
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && cached.stillValid(connection, requests, now)) {
            return new FreeBusy(true, cached.busy());
        }
        List<BusyInterval> busy;
        try {
            busy = grants.withAccessToken(connection, null, token -> google.busy(token, query.start(), query.end()));
        } catch (GrantRevokedException e) {
            audit.record(null, connection.googleAccountId(), "freeBusy.query", GoogleOutcomes.of(e));
            transactions.inTransaction(() -> {
                grants.revoked(connection, "reading their free/busy");
                return null;
            });
            forget(connection.googleAccountId());
            return FreeBusy.notConnected();
        } catch (GoogleRejectedException e) {
            audit.record(null, connection.googleAccountId(), "freeBusy.query", GoogleOutcomes.of(e));
            LOG.log(Level.WARNING, "free/busy of " + connection.googleAccountId() + ": Google refused the question: " + e.getMessage());
            throw new GoogleUnavailableException("Google refused the free/busy question: " + e.getMessage(), e);
        } catch (GoogleUnavailableException e) {
            audit.record(null, connection.googleAccountId(), "freeBusy.query", GoogleOutcomes.of(e));
            throw e;
        }
        List<BusyInterval> merged = BusyInterval.merged(busy, query.start(), query.end());
        if (!ttl.isNegative() && !ttl.isZero()) {
            remember(key, new Cached(connection.connectedAt(), requests, now.plus(ttl), merged), now);
        }
        return new FreeBusy(true, merged);
    }

    private void remember(Key key, Cached answer, Instant now) {
        if (cache.size() >= MAX_CACHED) {
            cache.values().removeIf(c -> !c.expiresAt().isAfter(now));
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
        }
        cache.put(key, answer);
    }

    private void forget(String userId) {
        cache.keySet().removeIf(k -> k.userId().equals(userId));
    }

    /** How many answers are cached now (for tests). */
    int cached() {
        return cache.size();
    }

    private record Key(String userId, Instant start, Instant end) {
    }

    /** An answer and what it was fetched under: the connection (its start) and the person's sync requests then. */
    private record Cached(Instant connectedAt, long requests, Instant expiresAt, List<BusyInterval> busy) {
        boolean stillValid(CalendarConnection connection, long requestsNow, Instant now) {
            return expiresAt.isAfter(now) && requests == requestsNow && Objects.equals(connectedAt, connection.connectedAt());
        }
    }
}
