package io.schedulr.notification.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A mail of ours a provider's report is about: which meeting's invitation or cancellation, to whom, sent on behalf of whom.
 *
 * @param sessionKey what the delivery is filed under: a room's id, or {@code interview:<id>}
 * @param organizer  the meeting's organizer (a room's host, an interview's primary interviewer)
 */
public record ReportedMail(long deliveryId, String sessionKey, InviteMethod method, String title, Instant start, Instant end,
                           Person organizer, Person recipient) {
    public ReportedMail {
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(organizer, "organizer");
        Objects.requireNonNull(recipient, "recipient");
    }

    /** The interview's id when the mail was an interview's; null for a room's. */
    public String interviewId() {
        return sessionKey.startsWith(InterviewDetails.KEY_PREFIX) ? sessionKey.substring(InterviewDetails.KEY_PREFIX.length()) : null;
    }
}
