package io.schedulr.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The calendar gate shared by the services ({@code SCHEDULR_CALENDAR_REQUIRED}). On: calendar-sync-service decides who tells
 * the participants of a room change — Google (its mirror, {@code sendUpdates=all}) or, when it announces a mirror
 * failure, our email. Off (a Phase-1-only deployment): every change is emailed.
 */
@ConfigMapping(prefix = "schedulr.calendar")
public interface CalendarGateConfig {
    @WithDefault("true")
    boolean required();
}
