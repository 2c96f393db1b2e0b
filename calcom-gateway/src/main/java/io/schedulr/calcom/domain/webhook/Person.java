package io.schedulr.calcom.domain.webhook;

/** Someone on a booking: the organizer, the booker or a guest. */
public record Person(String name, String email, String timeZone) {
}
