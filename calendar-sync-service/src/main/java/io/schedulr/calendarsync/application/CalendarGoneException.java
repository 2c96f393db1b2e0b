package io.schedulr.calendarsync.application;

/**
 * Google answered 404 for the person's dedicated calendar itself (not for one event on it): the calendar was deleted in
 * Google. Only calls whose 404 can mean nothing else (listing, inserting into or watching the calendar) say so.
 */
public class CalendarGoneException extends GoogleRejectedException {
    private final String calendarId;

    public CalendarGoneException(String calendarId, String message) {
        super(404, message);
        this.calendarId = calendarId;
    }

    public String calendarId() {
        return calendarId;
    }
}
