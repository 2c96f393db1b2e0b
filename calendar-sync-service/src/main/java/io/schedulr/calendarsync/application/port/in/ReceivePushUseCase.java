package io.schedulr.calendarsync.application.port.in;

/** A Google push notification arriving at our webhook: believed only from a live channel with its token. */
public interface ReceivePushUseCase {
    Outcome receive(Push push);

    /**
     * @param state Google's {@code X-Goog-Resource-State}: {@code sync} when a channel opens, then {@code exists} /
     *              {@code not_exists}
     */
    record Push(String channelId, String token, String resourceId, String state) {
    }

    enum Outcome {
        /** A change: the calendar's sync is wanted (bursts coalesce into one). */
        SYNC_REQUESTED,
        /** The channel's opening message: noted, nothing to fetch. */
        CHANNEL_CONFIRMED,
        /** No such channel, or one that is stopped or expired. */
        UNKNOWN_CHANNEL,
        /** The token (or resource) does not match the channel's. */
        FORGED
    }
}
