package io.schedulr.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReminderPreferencesCodecTest {

    private static String encoded(String type, ReminderPreferencesEvent data) {
        return EventCodec.encode(CloudEvent.of("e1", "/scheduling-service", type, Instant.parse("2030-01-01T00:00:00Z"), "sub-1", data));
    }

    @Test
    void roundTripsPreferences() {
        ReminderPreferencesEvent data = new ReminderPreferencesEvent("sub-1", List.of(1440, 30), ReminderPreferencesEvent.EMAIL);
        String json = encoded(ReminderPreferencesEvent.CLOUD_EVENT_TYPE, data);

        assertThat(json).contains("\"reminderMinutes\":[1440,30]", "\"reminderChannel\":\"email\"");
        assertThat(EventCodec.decodeReminderPreferences(json).data()).isEqualTo(data);
        assertThat(EventCodec.decodeReminderPreferences(json).data().emails()).isTrue();
    }

    @Test
    void carriesTheZoneThePersonChoseAndReadsRecordsFromBeforeIt() {
        ReminderPreferencesEvent data = new ReminderPreferencesEvent("sub-1", List.of(60), ReminderPreferencesEvent.EMAIL, "Asia/Tokyo");
        String json = encoded(ReminderPreferencesEvent.CLOUD_EVENT_TYPE, data);
        assertThat(json).contains("\"timeZone\":\"Asia/Tokyo\"");
        assertThat(EventCodec.decodeReminderPreferences(json).data()).isEqualTo(data);

        String before = json.replace(",\"timeZone\":\"Asia/Tokyo\"", "");
        assertThat(before).doesNotContain("timeZone");
        assertThat(EventCodec.decodeReminderPreferences(before).data())
                .isEqualTo(new ReminderPreferencesEvent("sub-1", List.of(60), ReminderPreferencesEvent.EMAIL, null));
    }

    @Test
    void refusesWhatIsNotWithinTheLimits() {
        assertThatThrownBy(() -> EventCodec.decodeReminderPreferences("{not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decodeReminderPreferences(encoded(RoomEventType.ROOM_BOOKED.cloudEventType(),
                ReminderPreferencesEvent.defaults("u")))).hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> EventCodec.decodeReminderPreferences(encoded(ReminderPreferencesEvent.CLOUD_EVENT_TYPE,
                new ReminderPreferencesEvent("u", List.of(10), "sms")))).hasMessageContaining("channel");
        assertThatThrownBy(() -> EventCodec.decodeReminderPreferences(encoded(ReminderPreferencesEvent.CLOUD_EVENT_TYPE,
                new ReminderPreferencesEvent("u", List.of(1, 2, 3, 4), "email")))).hasMessageContaining("out of bounds");
        assertThatThrownBy(() -> EventCodec.decodeReminderPreferences(encoded(ReminderPreferencesEvent.CLOUD_EVENT_TYPE,
                new ReminderPreferencesEvent("u", List.of(0), "email")))).hasMessageContaining("out of bounds");
        assertThatThrownBy(() -> EventCodec.decodeReminderPreferences(encoded(ReminderPreferencesEvent.CLOUD_EVENT_TYPE,
                new ReminderPreferencesEvent("u", Arrays.asList(10, null), "email")))).hasMessageContaining("out of bounds");
        assertThatThrownBy(() -> EventCodec.decodeReminderPreferences(encoded(ReminderPreferencesEvent.CLOUD_EVENT_TYPE,
                new ReminderPreferencesEvent(" ", List.of(10), "email")))).hasMessageContaining("data.userId");
    }
}
