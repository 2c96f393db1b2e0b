package io.schedulr.calendarsync.domain;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A Google push channel ({@code events.watch}) on a person's dedicated calendar: Google posts to our webhook with its id
 * and our random token whenever the calendar changes, until it expires (about a week) or is stopped.
 */
public record WatchChannel(String channelId, String userId, String calendarId, String resourceId, String token, Instant expiresAt,
                           WatchChannelStatus status, Instant confirmedAt) {

    /** Whether a push claiming to come through this channel may be believed: the token matches (constant time) and it is live. */
    public boolean admits(String presentedToken, String presentedResourceId, Instant now) {
        boolean tokenMatches = presentedToken != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), presentedToken.getBytes(StandardCharsets.UTF_8));
        // While opening, Google's answer with the resource id may not be stored yet.
        boolean resourceMatches = presentedResourceId == null || resourceId == null || presentedResourceId.equals(resourceId);
        return tokenMatches && resourceMatches && status != WatchChannelStatus.STOPPED && expiresAt.isAfter(now);
    }
}
