package io.schedulr.calendarsync.adapter.out.google;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.calendarsync.application.GrantRevokedException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dedicated calendar against the local Google: an access token Google does not take (401, as when the person withdrew
 * the access while a connection was being made) is a withdrawn grant, which the connection answers as
 * {@code 400 access_withdrawn} (ConnectCalendarServiceTest), not an unexpected error.
 */
@QuarkusTest
class GoogleDedicatedCalendarsTest {
    @Inject
    GoogleDedicatedCalendars calendars;

    @Test
    void anAccessTokenGoogleDoesNotTakeIsAWithdrawnGrant() {
        assertThatThrownBy(() -> calendars.ensure("an-access-token-google-never-issued", null, "UTC"))
                .isInstanceOf(GrantRevokedException.class)
                .hasMessageContaining("401");
    }
}
