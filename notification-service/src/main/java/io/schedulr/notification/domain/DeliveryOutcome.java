package io.schedulr.notification.domain;

/** The outcome of one recorded attempt (audit row). */
public enum DeliveryOutcome {
    /** Queued for sending (durably, before the Kafka offset was committed). */
    QUEUED,
    /** The SMTP server accepted the message. */
    SENT,
    /** Sending failed (after the in-process retries); the delivery is parked and tried again later. */
    FAILED,
    /** Not sent because a newer change of the same room for the same person replaced it before it went out. */
    SUPERSEDED,
    /** Not sent because the change was older than what the room's people were already told. */
    SKIPPED_STALE,
    /** Not sent because Google invites the person for this change (host's calendar connected, calendar gate on). */
    LEFT_TO_GOOGLE,
    /** Not sent because the person already got, or is due to get, an email for the same change (room, sequence, method). */
    SKIPPED_DUPLICATE,
    /**
     * Not sent because the change shows the person nothing their invitation did not (Cal.com confirming an interview at
     * its time and with its join link: the team is told, the contact and guests not).
     */
    SKIPPED_NOTHING_NEW,
    /** Not sent because the person's address cannot be mailed (an interview's other people are mailed all the same). */
    UNDELIVERABLE
}
