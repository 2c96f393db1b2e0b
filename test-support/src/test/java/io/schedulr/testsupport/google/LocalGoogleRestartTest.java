package io.schedulr.testsupport.google;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A local Google that keeps its state in a file (as the local stack's does), stopped and started again: people find their
 * grants, calendars and events where they were, and incremental sync goes on from before the restart, as at Google.
 */
class LocalGoogleRestartTest {
    @TempDir
    Path dir;

    @Test
    void grantsCalendarsEventsAndSyncTokensOutliveARestart() throws Exception {
        Path file = dir.resolve("google-state.json");
        String refreshToken;
        String calendarId;
        String eventId;
        String syncToken;
        try (LocalGoogle google = LocalGoogle.start(0, RegisteredClient.development(), null, 0, file)) {
            ConnectedUser alice = ConnectedUser.connect(google);
            calendarId = alice.calendar().calendars().insert(new com.google.api.services.calendar.model.Calendar()
                    .setSummary("Schedulr Meetings").setTimeZone("Europe/Berlin")).execute().getId();
            eventId = alice.calendar().events().insert(calendarId, new Event().setSummary("Mentoring")
                    .setStart(new EventDateTime().setDateTime(new DateTime("2030-01-15T10:00:00Z")))
                    .setEnd(new EventDateTime().setDateTime(new DateTime("2030-01-15T11:00:00Z")))).execute().getId();
            syncToken = alice.calendar().events().list(calendarId).execute().getNextSyncToken();
            refreshToken = alice.tokens().getRefreshToken();
        }

        try (LocalGoogle again = LocalGoogle.start(0, RegisteredClient.development(), null, 0, file)) {
            Calendar calendar = ConnectedUser.withRefreshToken(again, refreshToken);
            assertThat(calendar.events().get(calendarId, eventId).execute().getSummary()).isEqualTo("Mentoring");
            assertThat(calendar.calendarList().list().execute().getItems()).extracting(e -> e.getSummary()).contains("Schedulr Meetings");
            assertThat(calendar.events().list(calendarId).setSyncToken(syncToken).execute().getItems()).as("nothing changed since").isEmpty();

            calendar.events().patch(calendarId, eventId, new Event().setSummary("Mentoring, moved")).execute();
            assertThat(calendar.events().list(calendarId).setSyncToken(syncToken).execute().getItems()).singleElement()
                    .satisfies(e -> assertThat(e.getSummary()).isEqualTo("Mentoring, moved"));
        }
    }

    @Test
    void anUnreadableStateFileIsSetAsideAndTheGoogleStartsEmpty() throws Exception {
        Path file = dir.resolve("google-state.json");
        Files.writeString(file, "{not json");

        try (LocalGoogle google = LocalGoogle.start(0, RegisteredClient.development(), null, 0, file)) {
            ConnectedUser.connect(google).calendar().calendarList().list().execute();
        }

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("google-state.json")
                    .anyMatch(name -> name.startsWith("google-state.json.unreadable-"));
        }
        assertThat(Files.readString(file)).startsWith("{").contains("\"grants\"");
    }
}
