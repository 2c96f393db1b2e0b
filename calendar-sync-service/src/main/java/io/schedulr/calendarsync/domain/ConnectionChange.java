package io.schedulr.calendarsync.domain;

/** What the rest of the platform is told when a person's connection changes. */
public record ConnectionChange(String googleAccountId, String email, ConnectionStatus status, DisconnectReason reason,
                               String calendarId) {
}
