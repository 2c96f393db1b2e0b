package io.schedulr.calendarsync.application.port.out;

/** The person's own secondary calendar for our meetings on Google; we never write to their primary calendar. */
public interface DedicatedCalendars {
    /**
     * The id of the person's dedicated calendar: the known one if it still exists, else one found again by its name in
     * their calendar list, else a new one — in {@code timeZone}, or when that is null in the zone of their primary calendar.
     */
    String ensure(String accessToken, String knownCalendarId, String timeZone);
}
