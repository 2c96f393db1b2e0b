package io.schedulr.calcom.application.port.in;

import java.util.Locale;

/** What became of a delivery; Cal.com gets 200 for each, since none of them should be sent again. */
public enum WebhookReceipt {
    /** Announced (and any held successors after it). */
    PUBLISHED,
    /** Arrived before its predecessor; announced once that arrives or the reorder window ends. */
    HELD,
    /** The same change was already taken (a retry, a replay, an overlapping subscription). */
    DUPLICATE,
    /** Behind what was already announced for the meeting; kept for audit only. */
    STALE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
