package io.schedulr.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The calendar gate shared by the services ({@code SCHEDULR_CALENDAR_REQUIRED}). On: a room whose host's Google calendar
 * is connected is invited by Google (calendar-sync-service's mirror, {@code sendUpdates=all}), not by our email. Off
 * (a Phase-1-only deployment): every change is emailed.
 */
@ConfigMapping(prefix = "schedulr.calendar")
public interface CalendarGateConfig {
    @WithDefault("true")
    boolean required();
}
