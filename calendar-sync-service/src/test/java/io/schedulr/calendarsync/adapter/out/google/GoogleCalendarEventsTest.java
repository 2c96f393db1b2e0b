package io.schedulr.calendarsync.adapter.out.google;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.calendarsync.application.GoogleEventChangedException;
import io.schedulr.calendarsync.application.GoogleGrants;
import io.schedulr.calendarsync.application.port.out.CalendarEvents;
import io.schedulr.calendarsync.application.port.out.ConnectionStore;
import io.schedulr.calendarsync.connection.LocalGoogleAccount;
import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.mirror.MirrorFixturesAccess;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Room events against the local Google: an insert tried again finds its event, what a look-up finds is what a sync would
 * judge, and a move is written on the event's version as found only — a change the host made in Google meanwhile is
 * refused (412), never written over.
 */
@QuarkusTest
class GoogleCalendarEventsTest {
    @Inject
    GoogleCalendarEvents events;
    @Inject
    GoogleGrants grants;
    @Inject
    ConnectionStore connections;

    @Test
    void anInsertTriedAgainFindsItsEventAndAMoveIsRefusedWhenTheHostChangedTheEventSinceItWasFound() {
        TestUser host = Tokens.newUser("Ella Etag", "Europe/Berlin");
        MirrorFixturesAccess.connectAndAwaitWatched(host);
        CalendarConnection connection = connections.findByEmail(host.email()).orElseThrow();
        String calendarId = connection.calendarId();
        String roomId = "room-" + UUID.randomUUID();
        String icsUid = roomId + "@schedulr.test";
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        Instant hostsStart = start.plus(Duration.ofHours(2));

        grants.withAccessToken(connection, roomId, token -> {
            CalendarEvents.NewEvent booked = new CalendarEvents.NewEvent(roomId, icsUid, "Mentoring", "Join here", null, start,
                    start.plus(Duration.ofMinutes(30)), "Europe/Berlin", null, null, List.of());
            CalendarEvents.Written inserted = events.insert(token, calendarId, booked, false);
            String eventId = inserted.eventId();
            CalendarEvents.Written triedAgain = events.insert(token, calendarId, booked, false);
            assertThat(triedAgain).as("an insert whose answer was lost, tried again: the same event, stamped as found").isEqualTo(inserted);
            CalendarEvents.Found found = events.find(token, calendarId, eventId, roomId, icsUid).orElseThrow();
            assertThat(found.etag()).isNotBlank();
            assertThat(found.event().roomId()).isEqualTo(roomId);
            assertThat(found.event().startUtc()).isEqualTo(start);

            LocalGoogleAccount.control("events/move", "{\"email\": \"" + host.email() + "\", \"iCalUID\": \"" + icsUid + "\", \"start\": \""
                    + hostsStart + "\", \"end\": \"" + hostsStart.plus(Duration.ofMinutes(45)) + "\"}");

            assertThatThrownBy(() -> events.move(token, calendarId, found, new CalendarEvents.Move(start.plus(Duration.ofHours(1)),
                    start.plus(Duration.ofMinutes(90)), "Europe/Berlin", "Join here", null), false))
                    .isInstanceOf(GoogleEventChangedException.class).hasMessageContaining("412");
            CalendarEvents.Found again = events.find(token, calendarId, eventId, roomId, icsUid).orElseThrow();
            assertThat(again.event().startUtc()).as("the host's move was not written over").isEqualTo(hostsStart);
            assertThat(again.event().updated()).isAfter(found.event().updated());

            CalendarEvents.Written moved = events.move(token, calendarId, again, new CalendarEvents.Move(hostsStart,
                    hostsStart.plus(Duration.ofMinutes(30)), "Europe/Berlin", "Join here", "https://rooms.example/" + roomId), false);
            assertThat(moved.updated()).isAfter(again.event().updated());
            assertThat(events.find(token, calendarId, eventId, roomId, icsUid).orElseThrow().event().endUtc())
                    .isEqualTo(hostsStart.plus(Duration.ofMinutes(30)));
            assertThat(asGoogleHasIt(token, calendarId, eventId)).as("an event made without the room's link gets it as its place")
                    .contains("\"location\":\"https://rooms.example/" + roomId + "\"");
            return null;
        });
    }

    /** The event's JSON as Google's own API answers it. */
    private static String asGoogleHasIt(String token, String calendarId, String eventId) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TestInfra.get().issuerUrl() + "/calendar/v3/calendars/"
                            + URLEncoder.encode(calendarId, StandardCharsets.UTF_8) + "/events/" + eventId))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
