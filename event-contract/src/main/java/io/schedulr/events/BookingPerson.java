package io.schedulr.events;

/**
 * A person on a Cal.com booking as Cal.com names them: the organizer (the host whose calendar it is) or an attendee
 * (the person who booked, and guests).
 *
 * @param timeZone IANA zone the person booked or works in, e.g. {@code America/New_York}; may be null
 */
public record BookingPerson(String name, String email, String timeZone) {
}
