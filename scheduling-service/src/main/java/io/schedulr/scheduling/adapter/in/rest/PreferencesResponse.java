package io.schedulr.scheduling.adapter.in.rest;

import io.schedulr.scheduling.domain.ReminderPreferences;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Locale;

@Schema(name = "Preferences", description = "The caller's reminder preferences (the defaults until they choose).")
public record PreferencesResponse(
        @Schema(description = "Minutes before each session, largest first.", example = "[60, 10]") List<Integer> reminderMinutes,
        @Schema(description = "email or popup.", example = "email") String reminderChannel) {

    static PreferencesResponse of(ReminderPreferences preferences) {
        return new PreferencesResponse(preferences.minutes(), preferences.channel().name().toLowerCase(Locale.ROOT));
    }
}
