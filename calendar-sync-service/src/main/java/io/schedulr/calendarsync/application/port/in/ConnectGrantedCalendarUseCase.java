package io.schedulr.calendarsync.application.port.in;

import io.schedulr.calendarsync.application.ConnectionView;
import io.schedulr.calendarsync.application.port.out.GoogleAuthorization.GrantedTokens;

import java.util.Optional;

/** A calendar granted on the sign-in's consent screen, connected at once: signing up is one visit to Google. */
public interface ConnectGrantedCalendarUseCase {
    /**
     * The dedicated calendar found or made in {@code timeZone}, the refresh token sealed and kept, the change announced —
     * as a connection completed afterwards would. Empty, and nothing changed, when the grant cannot connect a calendar: a
     * Calendar scope unticked, or no refresh token (Google gives one on a first consent only); the gate asks later.
     */
    Optional<ConnectionView> connectGranted(GrantedTokens granted, String timeZone);
}
