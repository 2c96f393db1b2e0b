package io.schedulr.scheduling.domain;

/**
 * The caller has not connected their Google Calendar (or access was revoked), and this write needs it. Reads and
 * cancellations never throw this, so nobody is locked out of seeing or leaving their bookings.
 */
public class CalendarNotConnectedException extends ForbiddenActionException {
    public static final String CODE = "calendar_not_connected";

    public CalendarNotConnectedException() {
        super(CODE, "Please connect your Google Calendar first: sessions are booked into it. Until then you can look around, "
                + "cancel and delete, but not create, book or change sessions.");
    }
}
