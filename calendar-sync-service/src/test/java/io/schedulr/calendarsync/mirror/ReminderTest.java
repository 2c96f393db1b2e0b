package io.schedulr.calendarsync.mirror;

import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The reminders of the events written on a person's own Google calendar, read back through Google's Calendar API: the
 * person's minutes from {@code scheduling.reminder-preferences.v1} as popups ({@code useDefault=false}), never email (the
 * email reminder is notification-service's), and the contract's defaults (60, 10) for someone who never chose; changed
 * minutes reach the events already written whose session has not started.
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

    @Test
    void changedPreferencesArePatchedOntoTheHostsFutureEventQuietlyAndAStartedOneIsLeftAlone() throws Exception {
        TestUser host = Tokens.newUser("Petra Patch", "Europe/Berlin");
        MirrorFixtures.connect(host);
        MirrorFixtures.Room future = new MirrorFixtures.Room(host);
        MirrorFixtures.publish(future, RoomEventType.ROOM_BOOKED, 0, future.start);
        Map<String, Object> futureEvent = MirrorFixtures.awaitOneEvent(host, future);
        MirrorFixtures.Room started = new MirrorFixtures.Room(host);
        MirrorFixtures.publish(started, RoomEventType.ROOM_BOOKED, 0, Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS));
        Map<String, Object> startedEvent = MirrorFixtures.awaitOneEvent(host, started);
        await().atMost(MirrorFixtures.WAIT).until(() -> MirrorFixtures.mailsTo(future.guestEmail).size() == 1);
        Event before = get(host, futureEvent);
        assertThat(before.getReminders().getOverrides()).extracting(EventReminder::getMinutes).containsExactly(60, 10);

        publishPreferences(host, List.of(1440, 15), ReminderPreferencesEvent.POPUP);

        await().atMost(MirrorFixtures.WAIT).until(() -> get(host, futureEvent).getReminders().getOverrides().size() == 2
                && get(host, futureEvent).getReminders().getOverrides().get(0).getMinutes() == 1440);
        Event after = get(host, futureEvent);
        assertThat(after.getReminders().getUseDefault()).isFalse();
        assertThat(after.getReminders().getOverrides()).extracting(EventReminder::getMethod, EventReminder::getMinutes)
                .containsExactly(tuple("popup", 1440), tuple("popup", 15));
        assertThat(after.getStart()).as("nothing else changes").isEqualTo(before.getStart());
        assertThat(after.getSummary()).isEqualTo(before.getSummary());
        assertThat(after.getAttendees()).extracting(EventAttendee::getEmail).containsExactly(future.guestEmail);
        // Google holds the patch a moment before the job's transaction records it.
        await().atMost(MirrorFixtures.WAIT).until(() -> "done".equals(ConnectionRows.row("SELECT status FROM reminder_patch "
                + "WHERE google_event_id = ?", (String) futureEvent.get("id")).get("status")));
        assertThat(ConnectionRows.row("SELECT last_error FROM reminder_patch WHERE google_event_id = ?", (String) futureEvent.get("id")))
                .containsEntry("last_error", null);
        assertThat(ConnectionRows.count("SELECT count(*) FROM google_call_audit WHERE room_id = ? AND operation = 'events.patch reminders' "
                + "AND outcome = 'ok'", future.id)).isEqualTo(1);

        assertThat(get(host, startedEvent).getReminders().getOverrides()).as("the session has started: left as it was")
                .extracting(EventReminder::getMinutes).containsExactly(60, 10);
        assertThat(ConnectionRows.count("SELECT count(*) FROM reminder_patch WHERE google_event_id = ?", (String) startedEvent.get("id")))
                .isZero();
        assertThat(MirrorFixtures.mailsTo(future.guestEmail)).as("a reminder change mails nobody (sendUpdates=none)").hasSize(1);

        // Then none at all: the patch sends an empty list, not "keep what is there".
        publishPreferences(host, List.of(), ReminderPreferencesEvent.POPUP);
        await().atMost(MirrorFixtures.WAIT).until(() -> {
            List<EventReminder> overrides = get(host, futureEvent).getReminders().getOverrides();
            return overrides == null || overrides.isEmpty();
        });
        assertThat(get(host, futureEvent).getReminders().getUseDefault()).isFalse();
    }

    private static Event get(TestUser person, Map<String, Object> event) throws java.io.IOException {
        return PersonsGoogleCalendar.of(person).events().get((String) event.get("calendarId"), (String) event.get("id")).execute();
    }

    private static void publishPreferences(TestUser person, List<Integer> minutes, String channel) {
        String json = EventCodec.encode(CloudEvent.of(UUID.randomUUID().toString(), "/scheduling-service",
                ReminderPreferencesEvent.CLOUD_EVENT_TYPE, Instant.now(), person.id(),
                new ReminderPreferencesEvent(person.id(), minutes, channel)));
        MirrorFixtures.send(Topics.REMINDER_PREFERENCES, person.id(), json);
    }
}
