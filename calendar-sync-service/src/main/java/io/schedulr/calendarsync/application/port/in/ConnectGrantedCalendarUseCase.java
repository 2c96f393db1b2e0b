package io.schedulr.calendarsync.application.port.in;

import io.schedulr.calendarsync.application.ConnectionView;
import io.schedulr.calendarsync.application.port.out.GoogleAuthorization.GrantedTokens;

import java.util.Optional;

/** A calendar granted on the sign-in's consent screen, connected at once: signing up is one visit to Google. */
public interface ConnectGrantedCalendarUseCase {
    /**
     * The dedicated calendar found or made in {@code timeZone}, the refresh token sealed and kept, the change announced —
     * as a connection completed afterwards would. Empty when the grant cannot connect a calendar, and the gate asks later:
     * no refresh token (Google showed no consent screen: a renewal without a page, or everything granted before; nothing
     * changes), or a Calendar scope unticked on the screen it showed (kept as the reason someone not connected is not, as
     * the callback does).
     */
    Optional<ConnectionView> connectGranted(GrantedTokens granted, String timeZone);
}
