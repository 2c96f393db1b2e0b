package io.schedulr.scheduling.preferences;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.EventCodec;
import io.schedulr.events.ReminderPreferencesEvent;
import io.schedulr.events.Topics;
import io.schedulr.scheduling.api.Db;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import io.schedulr.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** GET|PUT /api/me/preferences: each person's own reminders, kept in PostgreSQL and announced on Kafka. */
@QuarkusTest
class PreferencesApiTest {

    @Test
    void aPersonSeesTheDefaultsUntilTheyChoose() {
        TestUser ana = Tokens.newUser("Ana Prefs", "Europe/Berlin");

        given().header("Authorization", ana.bearer()).get("/api/me/preferences").then().statusCode(200)
                .body("reminderMinutes", contains(60, 10)).body("reminderChannel", equalTo("email"));
    }

    @Test
    void aChoiceIsKeptForThatPersonAndAnnouncedOnKafka() {
        TestUser ana = Tokens.newUser("Ana Chooses", "Europe/Berlin");
        TestUser ben = Tokens.newUser("Ben Watches", "UTC");
        TopicProbe.ensureTopic(Topics.REMINDER_PREFERENCES, 3);
        try (TopicProbe topic = TopicProbe.fromNow(Topics.REMINDER_PREFERENCES)) {
            given().header("Authorization", ana.bearer()).contentType("application/json")
                    .body("{\"reminderMinutes\":[5,1440],\"reminderChannel\":\"popup\"}")
                    .put("/api/me/preferences").then().statusCode(200)
                    .body("reminderMinutes", contains(1440, 5)).body("reminderChannel", equalTo("popup"));

            given().header("Authorization", ana.bearer()).get("/api/me/preferences").then().statusCode(200)
                    .body("reminderMinutes", contains(1440, 5)).body("reminderChannel", equalTo("popup"));
            given().header("Authorization", ben.bearer()).get("/api/me/preferences").then().statusCode(200)
                    .body("reminderMinutes", contains(60, 10));
            assertThat(Db.count("SELECT count(*) FROM user_preferences WHERE user_id = '" + ana.id() + "' AND reminder_minutes = '{1440,5}'"))
                    .isEqualTo(1);

            List<ConsumerRecord<String, String>> records = topic.await(r -> ana.id().equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(records).hasSize(1);
            ReminderPreferencesEvent event = EventCodec.decodeReminderPreferences(records.get(0).value()).data();
            assertThat(event).isEqualTo(new ReminderPreferencesEvent(ana.id(), List.of(1440, 5), "popup"));
        }
    }

    @Test
    void anEmptyListTurnsRemindersOffAndTheLastChoiceWins() {
        TestUser ana = Tokens.newUser("Ana Quiet", "UTC");
        given().header("Authorization", ana.bearer()).contentType("application/json")
                .body("{\"reminderMinutes\":[30],\"reminderChannel\":\"email\"}").put("/api/me/preferences").then().statusCode(200);
        given().header("Authorization", ana.bearer()).contentType("application/json")
                .body("{\"reminderMinutes\":[],\"reminderChannel\":\"email\"}").put("/api/me/preferences").then().statusCode(200);

        given().header("Authorization", ana.bearer()).get("/api/me/preferences").then().statusCode(200)
                .body("reminderMinutes.size()", equalTo(0));
    }

    @Test
    void aRefusedChannelIsNamedAndAnotherContentTypeIsToldWhatToSend() {
        TestUser ana = Tokens.newUser("Ana Typo", "UTC");
        given().header("Authorization", ana.bearer()).contentType("application/json")
                .body("{\"reminderMinutes\":[30],\"reminderChannel\":\"sms\"}").put("/api/me/preferences").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("invalid_reminderChannel"))
                .body("message", org.hamcrest.Matchers.equalTo("'reminderChannel' is email or popup, not 'sms'."));
        given().header("Authorization", ana.bearer()).contentType("text/plain").body("30 minutes by email").put("/api/me/preferences")
                .then().statusCode(415).body("code", org.hamcrest.Matchers.equalTo("unsupported_media_type"))
                .body("message", org.hamcrest.Matchers.containsString("Content-Type: application/json"));
    }
}
