package io.schedulr.notification.support;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.ReminderPreferencesEvent;
import io.schedulr.events.Topics;
import io.schedulr.testsupport.KafkaRecords;
import io.schedulr.testsupport.Mailboxes;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.TopicProbe;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Reminder preference records as scheduling-service publishes them, and the reminder mails in a person's inbox. */
public final class ReminderMails {
    public static final String PREFERENCES_GROUP = "notification-reminder-preferences";

    private ReminderMails() {
    }

    public static synchronized void ensureTopics() {
        TopicProbe.ensureTopic(Topics.REMINDER_PREFERENCES, 3);
    }

    /** Publishes the person's whole preferences (key = user id) and waits until notification-service has applied them. */
    public static void prefer(TestUser person, List<Integer> minutes, String channel) {
        prefer(person, minutes, channel, null);
    }

    /** As {@link #prefer(TestUser, List, String)}, with the zone the person chose in schedulr (null: none). */
    public static void prefer(TestUser person, List<Integer> minutes, String channel, String chosenZone) {
        CloudEvent<ReminderPreferencesEvent> event = CloudEvent.of(UUID.randomUUID().toString(), "/scheduling-service",
                ReminderPreferencesEvent.CLOUD_EVENT_TYPE, Instant.now(), person.id(),
                new ReminderPreferencesEvent(person.id(), minutes, channel, chosenZone));
        KafkaRecords.awaitConsumed(publishRaw(person.id(), EventCodec.encode(event)), PREFERENCES_GROUP);
    }

    public static RecordMetadata publishRaw(String key, String value) {
        return KafkaRecords.publish(Topics.REMINDER_PREFERENCES, key, value);
    }

    /** The reminder mails (Subject starting "Reminder:") in the person's inbox, oldest first. */
    public static List<MimeMessage> reminders(TestUser person) {
        return Mailboxes.inbox(person.email()).stream().filter(m -> subject(m).startsWith("Reminder:")).toList();
    }

    /** Waits until the person has {@code count} reminder mails, then returns them. */
    public static List<MimeMessage> awaitReminders(TestUser person, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> reminders(person).size() >= count);
        return reminders(person);
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
