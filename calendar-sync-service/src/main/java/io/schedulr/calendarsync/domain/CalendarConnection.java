package io.schedulr.calendarsync.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One person's link to their Google Calendar, keyed by their Google account id ({@code sub}). The refresh token is
 * held sealed (encrypted by an adapter); the domain never sees it in the clear. The dedicated calendar's id is kept
 * after a disconnect, so connecting again finds the same calendar instead of making a second one.
 */
public final class CalendarConnection {
    private final String googleAccountId;
    private String email;
    private ConnectionStatus status;
    private DisconnectReason reason;
    private String sealedRefreshToken;
    private String calendarId;
    private Instant connectedAt;
    private Instant checkedAt;

    public CalendarConnection(String googleAccountId, String email, ConnectionStatus status, DisconnectReason reason,
                              String sealedRefreshToken, String calendarId, Instant connectedAt, Instant checkedAt) {
        this.googleAccountId = requireText(googleAccountId, "googleAccountId");
        this.email = email;
        this.status = Objects.requireNonNull(status, "status");
        this.reason = reason;
        this.sealedRefreshToken = sealedRefreshToken;
        this.calendarId = calendarId;
        this.connectedAt = connectedAt;
        this.checkedAt = checkedAt;
        if (status == ConnectionStatus.CONNECTED && (sealedRefreshToken == null || calendarId == null)) {
            throw new IllegalArgumentException("a connected calendar needs a refresh token and a calendar id");
        }
    }

    /** Someone we have never connected. */
    public static CalendarConnection none(String googleAccountId, String email) {
        return new CalendarConnection(googleAccountId, email, ConnectionStatus.NOT_CONNECTED, null, null, null, null, null);
    }

    /** Every scope granted and the dedicated calendar exists: connected with this (sealed) refresh token. */
    public ConnectionChange connect(String sealedToken, String dedicatedCalendarId, Instant now) {
        this.sealedRefreshToken = requireText(sealedToken, "sealedToken");
        this.calendarId = requireText(dedicatedCalendarId, "dedicatedCalendarId");
        this.status = ConnectionStatus.CONNECTED;
        this.reason = null;
        this.connectedAt = now;
        this.checkedAt = now;
        return change();
    }

    /**
     * The dedicated calendar was deleted in Google and made anew: the connection holds the new one. Only a connected
     * person still holding the gone calendar changes (another replica may have replaced it already); empty otherwise.
     */
    public java.util.Optional<ConnectionChange> calendarReplaced(String goneCalendarId, String newCalendarId) {
        requireText(newCalendarId, "newCalendarId");
        if (status != ConnectionStatus.CONNECTED || !Objects.equals(calendarId, goneCalendarId) || goneCalendarId.equals(newCalendarId)) {
            return java.util.Optional.empty();
        }
        this.calendarId = newCalendarId;
        return java.util.Optional.of(change());
    }

    /** The person disconnects: the token is forgotten, the calendar id kept for next time. */
    public ConnectionChange disconnect() {
        return drop(ConnectionStatus.NOT_CONNECTED, DisconnectReason.USER);
    }

    /** Google answered {@code invalid_grant}: the person must connect again. */
    public ConnectionChange revoked() {
        return drop(ConnectionStatus.REVOKED, DisconnectReason.REVOKED);
    }

    /**
     * Google answered {@code invalid_grant} for this sealed refresh token. The person is revoked only while it is still
     * the token we hold: a connection made again meanwhile holds a new one (refused answers about the old one come late),
     * and a disconnect has already let go of it.
     */
    public java.util.Optional<ConnectionChange> grantRefused(String refusedSealedToken) {
        if (status != ConnectionStatus.CONNECTED || !Objects.equals(sealedRefreshToken, refusedSealedToken)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(revoked());
    }

    /**
     * A consent without every Calendar scope was refused. A person already connected keeps their earlier grant (Google
     * keeps it too), so there is nothing to announce; anyone else is told why they are still not connected.
     */
    public java.util.Optional<ConnectionChange> scopesRefused() {
        if (status == ConnectionStatus.CONNECTED) {
            return java.util.Optional.empty();
        }
        reason = DisconnectReason.SCOPES_MISSING;
        return java.util.Optional.of(change());
    }

    /** A refresh with the stored token worked just now. */
    public void checked(Instant now) {
        this.checkedAt = now;
    }

    public void seenAs(String currentEmail) {
        if (currentEmail != null && !currentEmail.isBlank()) {
            this.email = currentEmail;
        }
    }

    private ConnectionChange drop(ConnectionStatus to, DisconnectReason why) {
        this.status = to;
        this.reason = why;
        this.sealedRefreshToken = null;
        return change();
    }

    private ConnectionChange change() {
        return new ConnectionChange(googleAccountId, email, status, reason, status == ConnectionStatus.CONNECTED ? calendarId : null);
    }

    /** Connected once: we made them a dedicated calendar, which neither a disconnect nor a revoked grant removes. */
    public boolean hasDedicatedCalendar() {
        return calendarId != null;
    }

    public boolean isConnected() {
        return status == ConnectionStatus.CONNECTED;
    }

    public String googleAccountId() {
        return googleAccountId;
    }

    public String email() {
        return email;
    }

    public ConnectionStatus status() {
        return status;
    }

    public DisconnectReason reason() {
        return reason;
    }

    public String sealedRefreshToken() {
        return sealedRefreshToken;
    }

    public String calendarId() {
        return calendarId;
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    public Instant checkedAt() {
        return checkedAt;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
