package io.schedulr.scheduling.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReminderPreferencesTest {

    @Test
    void keepsLeadsLargestFirst() {
        ReminderPreferences p = ReminderPreferences.ofMinutes(List.of(10, 1440, 1), ReminderChannel.EMAIL);

        assertThat(p.minutes()).containsExactly(1440, 10, 1);
        assertThat(ReminderPreferences.ofMinutes(List.of(), ReminderChannel.POPUP).minutes()).isEmpty();
        assertThat(ReminderPreferences.DEFAULTS.minutes()).containsExactly(60, 10);
    }

    @Test
    void refusesWhatTheRulesDoNotAllowNamingThePart() {
        assertThatThrownBy(() -> ReminderPreferences.ofMinutes(List.of(1, 2, 3, 4), ReminderChannel.EMAIL))
                .isInstanceOfSatisfying(InvalidReminderException.class, e -> assertThat(e.part()).isEqualTo(InvalidReminderException.Part.LEADS))
                .hasMessageContaining("at most 3");
        assertThatThrownBy(() -> ReminderPreferences.ofMinutes(List.of(0), ReminderChannel.EMAIL)).hasMessageContaining("1 to 10080");
        assertThatThrownBy(() -> ReminderPreferences.ofMinutes(List.of(10081), ReminderChannel.EMAIL)).hasMessageContaining("1 to 10080");
        assertThatThrownBy(() -> ReminderPreferences.ofMinutes(List.of(10, 10), ReminderChannel.EMAIL)).hasMessageContaining("once");
        assertThatThrownBy(() -> ReminderPreferences.ofMinutes(Arrays.asList(10, null), ReminderChannel.EMAIL))
                .isInstanceOf(InvalidReminderException.class);
        assertThatThrownBy(() -> ReminderPreferences.ofMinutes(null, ReminderChannel.EMAIL)).hasMessageContaining("required");
        assertThatThrownBy(() -> ReminderPreferences.ofMinutes(List.of(10), null))
                .isInstanceOfSatisfying(InvalidReminderException.class, e -> assertThat(e.part()).isEqualTo(InvalidReminderException.Part.CHANNEL));
    }
}
