package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.in.ReceivePushUseCase;
import io.schedulr.calendarsync.application.port.in.SyncCalendarsUseCase;
import io.schedulr.calendarsync.application.port.out.CalendarEvents;
import io.schedulr.calendarsync.application.port.out.CalendarWatch;
import io.schedulr.calendarsync.application.port.out.ChannelStore;
import io.schedulr.calendarsync.application.port.out.ConnectionStore;
import io.schedulr.calendarsync.application.port.out.GoogleCallAudit;
import io.schedulr.calendarsync.application.port.out.RoomCommands;
import io.schedulr.calendarsync.application.port.out.RoomMirrors;
import io.schedulr.calendarsync.application.port.out.SyncStates;
import io.schedulr.calendarsync.application.port.out.Transactions;
import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.ObservedEvent;
import io.schedulr.calendarsync.domain.RoomMirror;
import io.schedulr.calendarsync.domain.SyncState;
import io.schedulr.calendarsync.domain.WatchChannel;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Google → app. A push through a live channel with its token only marks the person's calendar as wanting a sync (so it
 * answers at once, and a burst is one sync); the worker then fetches what changed with the stored sync token, page by
 * page up to the next token — or, when there is none or Google answers 410, lists the whole calendar and compares it
 * with the rooms we hold there, since a full listing has no tombstones. Only events carrying our private room property,
 * on the person's dedicated calendar, matching the room's mirror, are judged (a deletion, listed with the event's id
 * alone, by that id): a host's move or delete becomes a command to scheduling-service (and the mirror notes it, so it
 * is judged once); what shows the time we wrote is our own change coming back and is left alone.
 */
public class CalendarSyncService implements ReceivePushUseCase, SyncCalendarsUseCase {
    private static final System.Logger LOG = System.getLogger(CalendarSyncService.class.getName());
    /** How long a replica holds a calendar it syncs before another may take it over. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final ChannelStore channels;
    private final SyncStates syncs;
    private final ConnectionStore connections;
    private final RoomMirrors mirrors;
    private final CalendarWatch google;
    private final CalendarEvents events;
    private final GoogleGrants grants;
    private final EditsMadeInGoogle edits;
    private final GoogleCallAudit audit;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final GoneCalendars goneCalendars;

    public CalendarSyncService(ChannelStore channels, SyncStates syncs, ConnectionStore connections, RoomMirrors mirrors, CalendarWatch google,
                               CalendarEvents events, GoogleGrants grants, RoomCommands commands, GoogleCallAudit audit,
                               Transactions transactions, Clock clock, Duration firstBackoff, Duration maxBackoff) {
        this(channels, syncs, connections, mirrors, google, events, grants, commands, audit, transactions, clock, firstBackoff, maxBackoff,
                null);
    }

    /** @param goneCalendars makes a dedicated calendar anew when a sync finds it deleted; null: the sync fails and backs off */
    public CalendarSyncService(ChannelStore channels, SyncStates syncs, ConnectionStore connections, RoomMirrors mirrors, CalendarWatch google,
                               CalendarEvents events, GoogleGrants grants, RoomCommands commands, GoogleCallAudit audit,
                               Transactions transactions, Clock clock, Duration firstBackoff, Duration maxBackoff, GoneCalendars goneCalendars) {
        this.goneCalendars = goneCalendars;
        this.channels = channels;
        this.syncs = syncs;
        this.connections = connections;
        this.mirrors = mirrors;
        this.google = google;
        this.events = events;
        this.grants = grants;
        this.edits = new EditsMadeInGoogle(mirrors, commands, audit);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public Outcome receive(Push push) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<WatchChannel> channel = push.channelId() == null ? Optional.empty() : channels.find(push.channelId());
            if (channel.isEmpty()) {
                return Outcome.UNKNOWN_CHANNEL;
            }
            WatchChannel known = channel.get();
            if (!known.admits(push.token(), push.resourceId(), now)) {
                return known.expiresAt().isAfter(now) && known.status() != io.schedulr.calendarsync.domain.WatchChannelStatus.STOPPED
                        ? Outcome.FORGED : Outcome.UNKNOWN_CHANNEL;
            }
            if ("sync".equals(push.state())) {
                channels.confirm(known.channelId(), now);
                return Outcome.CHANNEL_CONFIRMED;
            }
            // A not_exists (the calendar was deleted) asks for a sync too: Google's 404 to it is what makes the calendar anew
            // (GoneCalendars), so a push alone never replaces a calendar Google still has.
            syncs.request(known.userId(), known.calendarId(), now);
            return Outcome.SYNC_REQUESTED;
        });
    }

    @Override
    public int requestStale(Duration interval) {
        return transactions.inTransaction(() -> syncs.requestStale(interval, clock.instant()));
    }

    @Override
    public boolean syncNext() {
        Instant now = clock.instant();
        Optional<SyncState> claimed = transactions.inTransaction(() -> syncs.claimNext(now, now.plus(LEASE)));
        claimed.ifPresent(this::sync);
        return claimed.isPresent();
    }

    /** Google is read outside any transaction (pushes never wait on it); what it showed is applied in one. */
    private void sync(SyncState state) {
        Optional<CalendarConnection> person = connections.find(state.userId()).filter(CalendarConnection::isConnected);
        if (person.isEmpty() || !state.calendarId().equals(person.get().calendarId())) {
            transactions.inTransaction(() -> {
                syncs.forget(state.userId());
                return null;
            });
            return;
        }
        try {
            Listing listing = grants.withAccessToken(person.get(), null, token -> fetch(token, state));
            transactions.inTransaction(() -> {
                Instant now = clock.instant();
                apply(state, listing, now);
                syncs.synced(state, listing.nextSyncToken(), now);
                return null;
            });
        } catch (GrantRevokedException e) {
            transactions.inTransaction(() -> {
                grants.revoked(person.get(), "syncing their calendar");
                syncs.forget(state.userId());
                return null;
            });
        } catch (CalendarGoneException e) {
            if (!calendarMadeAnew(person.get(), state, e)) {
                failed(state, e);
            }
        } catch (RuntimeException e) {
            failed(state, e);
        }
    }

    private void failed(SyncState state, RuntimeException e) {
        int attempts = state.attempts() + 1;
        Instant due = clock.instant().plus(Backoff.of(firstBackoff, maxBackoff, attempts));
        transactions.inTransaction(() -> {
            syncs.failed(state, attempts, due, String.valueOf(e.getMessage()));
            return null;
        });
        LOG.log(Level.WARNING, "calendar of " + state.userId() + ": sync failed (attempt " + attempts + "), again at " + due + ": " + e);
    }

    /** The calendar was deleted in Google: made anew, which asks for a sync of the new one. False: it was not (then backed off). */
    private boolean calendarMadeAnew(CalendarConnection person, SyncState state, CalendarGoneException gone) {
        if (goneCalendars == null) {
            return false;
        }
        try {
            return transactions.inTransaction(() -> goneCalendars.replace(person, state.calendarId(), "syncing their calendar"));
        } catch (GrantRevokedException e) {
            transactions.inTransaction(() -> {
                grants.revoked(person, "making their deleted calendar anew");
                syncs.forget(state.userId());
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "calendar of " + state.userId() + ": could not make the deleted calendar anew: " + e);
            return false;
        }
    }

    private Listing fetch(String token, SyncState state) {
        if (state.syncToken() != null) {
            try {
                return incremental(token, state);
            } catch (SyncTokenExpiredException e) {
                LOG.log(Level.INFO, "calendar of " + state.userId() + ": Google wants a full sync (" + e.getMessage() + ")");
            }
        }
        return leftOutAskedFor(token, state, full(token, state));
    }

    /**
     * A full listing leaves out what was deleted, but also an event we wrote after its page was read. Each live mirror it
     * leaves out is asked for by id (outside any transaction, like the listing), so only an event Google no longer has
     * counts as deleted. One that Google refuses to look up is left as it is, so it cannot hold up this person's sync.
     */
    private Listing leftOutAskedFor(String token, SyncState state, Listing listing) {
        Set<String> listed = new HashSet<>();
        listing.events().stream().filter(ObservedEvent::ours).filter(e -> !e.cancelled()).forEach(e -> listed.add(e.eventId()));
        Set<String> gone = new HashSet<>();
        for (RoomMirror mirror : mirrors.activeOn(state.calendarId())) {
            if (listed.contains(mirror.googleEventId())) {
                continue;
            }
            boolean there;
            try {
                there = events.find(token, state.calendarId(), mirror.googleEventId(), mirror.roomId(), mirror.icsUid()).isPresent();
            } catch (GoogleRejectedException e) {
                audit.record(mirror.roomId(), state.userId(), "events.find(left out of a full listing)", GoogleOutcomes.of(e));
                LOG.log(Level.WARNING, "room " + mirror.roomId() + ": Google refused to look up its event (" + e.getMessage()
                        + "); not taken as deleted");
                continue;
            } catch (RuntimeException e) {
                audit.record(mirror.roomId(), state.userId(), "events.find(left out of a full listing)", GoogleOutcomes.of(e));
                throw e;
            }
            audit.record(mirror.roomId(), state.userId(), "events.find(left out of a full listing)", there ? "ok (still there)" : "ok (gone)");
            if (!there) {
                gone.add(mirror.googleEventId());
            }
        }
        return new Listing(true, listing.events(), listing.nextSyncToken(), Set.copyOf(gone));
    }

    private Listing incremental(String token, SyncState state) {
        List<ObservedEvent> changed = new ArrayList<>();
        String pageToken = null;
        while (true) {
            String page = pageToken;
            CalendarWatch.Page changes = listed(state, "events.list(sync)", () -> google.changes(token, state.calendarId(), state.syncToken(), page));
            changed.addAll(changes.events());
            if (changes.nextPageToken() == null) {
                return new Listing(false, changed, changes.nextSyncToken(), Set.of());
            }
            pageToken = changes.nextPageToken();
        }
    }

    private Listing full(String token, SyncState state) {
        List<ObservedEvent> live = new ArrayList<>();
        String pageToken = null;
        while (true) {
            String page = pageToken;
            CalendarWatch.Page listing = listed(state, "events.list(full)", () -> google.all(token, state.calendarId(), page));
            live.addAll(listing.events());
            if (listing.nextPageToken() == null) {
                return new Listing(true, live, listing.nextSyncToken(), Set.of());
            }
            pageToken = listing.nextPageToken();
        }
    }

    private void apply(SyncState state, Listing listing, Instant now) {
        if (!listing.full()) {
            listing.events().forEach(event -> judge(state, event, now));
            return;
        }
        Map<String, ObservedEvent> live = new HashMap<>();
        listing.events().stream().filter(ObservedEvent::ours).filter(e -> !e.cancelled()).forEach(e -> live.put(e.eventId(), e));
        for (RoomMirror mirror : mirrors.activeOn(state.calendarId())) {
            ObservedEvent event = live.get(mirror.googleEventId());
            if (event != null) {
                judge(state, event, now);
            } else if (listing.gone().contains(mirror.googleEventId())) {
                // Left out of a full listing (which carries no tombstones) and no longer in Google: deleted there.
                judge(state, new ObservedEvent(mirror.googleEventId(), mirror.roomId(), true, null, null), now);
            } else {
                // Still in Google when asked by id, or written after that: the listing was read before we wrote it.
                LOG.log(Level.INFO, "room " + mirror.roomId() + ": its event is not in a full listing read before we wrote it; not taken as deleted");
            }
        }
    }

    private void judge(SyncState state, ObservedEvent event, Instant now) {
        mirrorOf(state, event).ifPresent(m -> edits.take(m, event, now));
    }

    /**
     * The locked mirror of the room the event is of. Google lists a deleted event in an incremental sync with its id
     * alone (no private properties unless {@code showDeleted} is set), so a deletion is matched by the event id.
     */
    private Optional<RoomMirror> mirrorOf(SyncState state, ObservedEvent event) {
        Optional<RoomMirror> mirror = event.ours() ? mirrors.lock(event.roomId())
                : event.cancelled() ? mirrors.lockWithEvent(state.calendarId(), event.eventId()) : Optional.empty();
        return mirror.filter(m -> state.calendarId().equals(m.calendarId()) && event.eventId().equals(m.googleEventId()));
    }

    /**
     * What Google showed: everything (a full listing) or what changed since the token.
     *
     * @param gone events of live mirrors a full listing left out that Google, asked by id, no longer has
     */
    private record Listing(boolean full, List<ObservedEvent> events, String nextSyncToken, Set<String> gone) {
    }

    private CalendarWatch.Page listed(SyncState state, String operation, java.util.function.Supplier<CalendarWatch.Page> call) {
        try {
            CalendarWatch.Page page = call.get();
            audit.record(null, state.userId(), operation, "ok (" + page.events().size() + " events)");
            return page;
        } catch (RuntimeException e) {
            audit.record(null, state.userId(), operation, GoogleOutcomes.of(e));
            throw e;
        }
    }
}
