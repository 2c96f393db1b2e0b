package io.schedulr.calendarsync.mirror;

import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventReminder;
import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.calendarsync.connection.ConnectionRows;
import io.schedulr.calendarsync.connection.PersonsGoogleCalendar;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.ReminderPreferencesEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.events.Topics;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The reminders of the events written on a person's own Google calendar, read back through Google's Calendar API: the
 * person's minutes from {@code scheduling.reminder-preferences.v1} as popups ({@code useDefault=false}), never email (the
 * email reminder is notification-service's), and the contract's defaults (60, 10) for someone who never chose.
 */
@QuarkusTest
class ReminderTest {

    @Test
    void theHostsRoomEventCarriesTheirMinutesAsPopupsAndNeverEmail() throws Exception {
        TestUser host = Tokens.newUser("Rita Reminder", "Europe/Berlin");
        MirrorFixtures.connect(host);
        // An unreadable record on the topic is skipped; the person's later one still counts.
        MirrorFixtures.send(Topics.REMINDER_PREFERENCES, host.id(), "{\"not\": \"a CloudEvent\"}");
        publishPreferences(host, List.of(1440, 30), ReminderPreferencesEvent.EMAIL);
        await().atMost(MirrorFixtures.WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM reminder_preferences WHERE user_id = ?",
                host.id()) == 1);
        MirrorFixtures.Room room = new MirrorFixtures.Room(host);

        MirrorFixtures.publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);
        Map<String, Object> mirrored = MirrorFixtures.awaitOneEvent(host, room);

        Event event = PersonsGoogleCalendar.of(host).events().get((String) mirrored.get("calendarId"), (String) mirrored.get("id")).execute();
        assertThat(event.getReminders().getUseDefault()).isFalse();
        assertThat(event.getReminders().getOverrides()).extracting(EventReminder::getMethod, EventReminder::getMinutes)
                .containsExactly(tuple("popup", 1440), tuple("popup", 30));
    }

    @Test
    void someoneWhoNeverChoseGetsTheDefaultsSixtyAndTenAndAnEmptyChoiceMeansNone() throws Exception {
        TestUser host = Tokens.newUser("Dino Default", "UTC");
        MirrorFixtures.connect(host);
        MirrorFixtures.Room room = new MirrorFixtures.Room(host);
        MirrorFixtures.publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);
        Map<String, Object> mirrored = MirrorFixtures.awaitOneEvent(host, room);

        Event event = PersonsGoogleCalendar.of(host).events().get((String) mirrored.get("calendarId"), (String) mirrored.get("id")).execute();
        assertThat(event.getReminders().getUseDefault()).isFalse();
        assertThat(event.getReminders().getOverrides()).extracting(EventReminder::getMethod, EventReminder::getMinutes)
                .containsExactly(tuple("popup", 60), tuple("popup", 10));

        TestUser quiet = Tokens.newUser("Quinn Quiet", "UTC");
        MirrorFixtures.connect(quiet);
        publishPreferences(quiet, List.of(), ReminderPreferencesEvent.POPUP);
        await().atMost(MirrorFixtures.WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM reminder_preferences WHERE user_id = ?",
                quiet.id()) == 1);
        MirrorFixtures.Room quietRoom = new MirrorFixtures.Room(quiet);
        MirrorFixtures.publish(quietRoom, RoomEventType.ROOM_BOOKED, 0, quietRoom.start);
        Map<String, Object> quietEvent = MirrorFixtures.awaitOneEvent(quiet, quietRoom);
        Event none = PersonsGoogleCalendar.of(quiet).events().get((String) quietEvent.get("calendarId"), (String) quietEvent.get("id")).execute();
        assertThat(none.getReminders().getUseDefault()).as("no reminders, not Google's defaults").isFalse();
        assertThat(none.getReminders().getOverrides()).isNullOrEmpty();
    }

    private static void publishPreferences(TestUser person, List<Integer> minutes, String channel) {
        String json = EventCodec.encode(CloudEvent.of(UUID.randomUUID().toString(), "/scheduling-service",
                ReminderPreferencesEvent.CLOUD_EVENT_TYPE, Instant.now(), person.id(),
                new ReminderPreferencesEvent(person.id(), minutes, channel)));
        MirrorFixtures.send(Topics.REMINDER_PREFERENCES, person.id(), json);
    }
}
