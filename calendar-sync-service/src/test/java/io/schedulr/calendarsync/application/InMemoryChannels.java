package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.ChannelStore;
import io.schedulr.calendarsync.application.port.out.SyncStates;
import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.SyncState;
import io.schedulr.calendarsync.domain.WatchChannel;
import io.schedulr.calendarsync.domain.WatchChannelStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Push channels and sync states in memory, with the rules the SQL of their adapters keeps. */
final class InMemoryChannels implements ChannelStore, SyncStates {
    final Map<String, WatchChannel> channels = new LinkedHashMap<>();
    final Map<String, Sync> syncs = new LinkedHashMap<>();
    /** Failed openings by person: how many in a row, and when the next may be tried. */
    final Map<String, Backoff> backoffs = new LinkedHashMap<>();

    record Backoff(int failures, Instant retryAt) {
    }
    private final InMemoryConnectionStore connections;
    /** Runs after each read of the people needing a channel: what another replica does meanwhile. */
    Runnable meanwhile = () -> { };

    static final class Sync {
        String calendarId;
        String token;
        Instant requestedAt;
        long requests;
        int attempts;
        String error;
    }

    InMemoryChannels(InMemoryConnectionStore connections) {
        this.connections = connections;
    }

    @Override
    public Optional<WatchChannel> find(String channelId) {
        return Optional.ofNullable(channels.get(channelId));
    }

    @Override
    public List<Watchable> needingChannel(Instant now, Instant renewBefore, int limit) {
        List<Watchable> due = new ArrayList<>();
        for (var c : connections.snapshot().values()) {
            if (c.isConnected() && !live(c, renewBefore) && !backingOff(c.googleAccountId(), now)) {
                Backoff failed = backoffs.get(c.googleAccountId());
                due.add(new Watchable(c.googleAccountId(), c.calendarId(), failed == null ? 0 : failed.failures));
            }
        }
        due.sort(java.util.Comparator.comparing(Watchable::userId));
        List<Watchable> read = due.stream().limit(limit).toList();
        meanwhile.run();
        return read;
    }

    @Override
    public boolean needsChannel(String userId, Instant now, Instant renewBefore) {
        return connections.snapshot().values().stream().filter(c -> c.googleAccountId().equals(userId))
                .anyMatch(c -> c.isConnected() && !live(c, renewBefore) && !backingOff(userId, now));
    }

    private boolean backingOff(String userId, Instant now) {
        Backoff failed = backoffs.get(userId);
        return failed != null && failed.retryAt.isAfter(now);
    }

    @Override
    public void openingFailed(String userId, int failures, Instant retryAt, String error) {
        backoffs.put(userId, new Backoff(failures, retryAt));
    }

    private boolean live(CalendarConnection c, Instant renewBefore) {
        return channels.values().stream().anyMatch(w -> w.userId().equals(c.googleAccountId())
                && (w.status() == WatchChannelStatus.OPENING
                || w.status() == WatchChannelStatus.ACTIVE && w.expiresAt().isAfter(renewBefore) && w.calendarId().equals(c.calendarId())));
    }

    @Override
    public void opening(WatchChannel channel, Instant now) {
        channels.put(channel.channelId(), channel);
    }

    @Override
    public void opened(String channelId, String resourceId, Instant expiresAt) {
        WatchChannel opening = channels.get(channelId);
        backoffs.remove(opening.userId());
        channels.replaceAll((id, w) -> w.userId().equals(opening.userId()) && w.status() == WatchChannelStatus.ACTIVE
                ? with(w, WatchChannelStatus.REPLACED) : w);
        channels.put(channelId, new WatchChannel(channelId, opening.userId(), opening.calendarId(), resourceId, opening.token(), expiresAt,
                WatchChannelStatus.ACTIVE, opening.confirmedAt()));
    }

    @Override
    public void discard(String channelId) {
        channels.remove(channelId);
    }

    @Override
    public void confirm(String channelId, Instant now) {
        WatchChannel w = channels.get(channelId);
        channels.put(channelId, new WatchChannel(w.channelId(), w.userId(), w.calendarId(), w.resourceId(), w.token(), w.expiresAt(), w.status(),
                w.confirmedAt() == null ? now : w.confirmedAt()));
    }

    @Override
    public List<WatchChannel> lockToStop(Instant now, int limit) {
        return channels.values().stream().filter(w -> w.status() != WatchChannelStatus.STOPPED).filter(w -> !w.expiresAt().isAfter(now)
                || w.status() == WatchChannelStatus.REPLACED && channels.values().stream().anyMatch(n -> n.userId().equals(w.userId())
                && n.status() == WatchChannelStatus.ACTIVE && n.confirmedAt() != null)
                || connections.find(w.userId()).filter(c -> c.isConnected() && w.calendarId().equals(c.calendarId())).isEmpty())
                .limit(limit).toList();
    }

    @Override
    public void stopped(String channelId, Instant now) {
        channels.computeIfPresent(channelId, (id, w) -> with(w, WatchChannelStatus.STOPPED));
    }

    @Override
    public List<WatchChannel> liveOf(String userId) {
        return channels.values().stream().filter(w -> w.userId().equals(userId) && w.status() != WatchChannelStatus.STOPPED).toList();
    }

    @Override
    public void request(String userId, String calendarId, Instant at) {
        Sync sync = syncs.computeIfAbsent(userId, u -> new Sync());
        if (!calendarId.equals(sync.calendarId)) {
            sync.token = null;
        }
        sync.calendarId = calendarId;
        sync.requests++;
        boolean backingOff = sync.attempts > 0 && sync.requestedAt != null;
        sync.requestedAt = backingOff || sync.requestedAt != null && !at.isBefore(sync.requestedAt) ? sync.requestedAt : at;
    }

    @Override
    public Optional<SyncState> claimNext(Instant now, Instant leaseUntil) {
        return syncs.entrySet().stream().filter(e -> e.getValue().requestedAt != null && !e.getValue().requestedAt.isAfter(now)).findFirst()
                .map(e -> new SyncState(e.getKey(), e.getValue().calendarId, e.getValue().token, e.getValue().attempts, e.getValue().requests));
    }

    @Override
    public void synced(SyncState claimed, String syncToken, Instant now) {
        Sync sync = syncs.get(claimed.userId());
        sync.token = syncToken;
        sync.attempts = 0;
        sync.error = null;
        if (sync.requests == claimed.claimedCount()) {
            sync.requestedAt = null;
        }
    }

    @Override
    public void failed(SyncState claimed, int attempts, Instant due, String error) {
        Sync sync = syncs.get(claimed.userId());
        sync.attempts = attempts;
        sync.error = error;
        sync.requestedAt = due;
    }

    @Override
    public int requestStale(Duration interval, Instant now) {
        return 0;
    }

    @Override
    public long requestsOf(String userId) {
        Sync sync = syncs.get(userId);
        return sync == null ? 0 : sync.requests;
    }

    @Override
    public void forget(String userId) {
        syncs.remove(userId);
    }

    private static WatchChannel with(WatchChannel w, WatchChannelStatus status) {
        return new WatchChannel(w.channelId(), w.userId(), w.calendarId(), w.resourceId(), w.token(), w.expiresAt(), status, w.confirmedAt());
    }
}
