package io.schedulr.calendarsync.application.port.out;

import io.schedulr.calendarsync.domain.WatchChannel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Push channels ({@code webhook_channels}). The locking methods run inside {@link Transactions#inTransaction}. */
public interface ChannelStore {
    Optional<WatchChannel> find(String channelId);

    /**
     * Connected people whose dedicated calendar has no active channel that lives past {@code renewBefore}, none being
     * opened just now, and whose last failed opening ({@link #openingFailed}) is not waiting past {@code now}.
     */
    List<Watchable> needingChannel(Instant now, Instant renewBefore, int limit);

    /** Whether this one person is among {@link #needingChannel}'s (one row read, however many others are). */
    boolean needsChannel(String userId, Instant now, Instant renewBefore);

    /** Google did not open the person's channel: not tried again before {@code retryAt}; {@link #opened} clears it. */
    void openingFailed(String userId, int failures, Instant retryAt, String error);

    /** Records a channel about to be opened at Google (Google's first message may arrive before its answer). */
    void opening(WatchChannel channel, Instant now);

    /**
     * Google opened it: it becomes the person's active channel; their earlier active ones become replaced, and their failed
     * openings are forgotten.
     */
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

    /**
     * A connected person and their dedicated calendar.
     *
     * @param failedOpenings how many openings of their channel failed in a row (0: none)
     */
    record Watchable(String userId, String calendarId, int failedOpenings) {
        public Watchable(String userId, String calendarId) {
            this(userId, calendarId, 0);
        }
    }
}
