package io.schedulr.calendarsync.application.port.out;

import io.schedulr.calendarsync.domain.WatchChannel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Push channels ({@code webhook_channels}). The locking methods run inside {@link Transactions#inTransaction}. */
public interface ChannelStore {
    Optional<WatchChannel> find(String channelId);

    /**
     * Connected people whose dedicated calendar has no active channel that lives past {@code renewBefore}, and none
     * being opened just now.
     */
    List<Watchable> needingChannel(Instant renewBefore, int limit);

    /** Whether this one person is among {@link #needingChannel}'s (one row read, however many others are). */
    boolean needsChannel(String userId, Instant renewBefore);

    /** Records a channel about to be opened at Google (Google's first message may arrive before its answer). */
    void opening(WatchChannel channel, Instant now);

    /** Google opened it: it becomes the person's active channel; their earlier active ones become replaced. */
    void opened(String channelId, String resourceId, Instant expiresAt);

    /** Google did not open it. */
    void discard(String channelId);

    /** The first push through a channel (Google's {@code sync} message) proves it works. */
    void confirm(String channelId, Instant now);

    /**
     * Channels to stop, locked (others' skipped): replaced ones whose successor works or that expired, any live one
     * whose person is no longer connected or whose calendar changed, and openings abandoned half-way.
     */
    List<WatchChannel> lockToStop(Instant now, int limit);

    void stopped(String channelId, Instant now);

    /** The person's channels not yet stopped. */
    List<WatchChannel> liveOf(String userId);

    /** A connected person and their dedicated calendar. */
    record Watchable(String userId, String calendarId) {
    }
}
