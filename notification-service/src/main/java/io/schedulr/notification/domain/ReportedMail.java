package io.schedulr.notification.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A mail of ours a provider's report is about: which meeting's invitation or cancellation, to whom, sent on behalf of whom.
 *
 * @param sessionKey what the delivery is filed under: a room's id, or {@code interview:<id>}
 * @param organizer  the meeting's organizer (a room's host, an interview's primary interviewer)
 * @param recipientStillNamed whether the meeting still names the recipient: false once an interview's later invitation left
 *                   their address out (corrected or removed); true for a room, and when not known
 */
public record ReportedMail(long deliveryId, String sessionKey, InviteMethod method, String title, Instant start, Instant end,
                           Person organizer, Person recipient, boolean recipientStillNamed) {
    public ReportedMail(long deliveryId, String sessionKey, InviteMethod method, String title, Instant start, Instant end,
                        Person organizer, Person recipient) {
        this(deliveryId, sessionKey, method, title, start, end, organizer, recipient, true);
    }

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
