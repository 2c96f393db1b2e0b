package io.schedulr.notification.domain;

import io.schedulr.events.ParticipantRules;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * Someone an invitation names or is sent to.
 *
 * @param email    normalised to lower case; the identity of a recipient
 * @param name     display name (CN); the email when none is known
 * @param timeZone IANA zone the person reads times in; UTC when unknown or invalid
 */
/**
 * @param id the person's user id (their token's subject) when the event named it; it decides who may read a room's
 *           deliveries, never the email
 */
public record Person(String id, String email, String name, String timeZone) {
    public Person(String email, String name, String timeZone) {
        this(null, email, name, timeZone);
    }

    public Person {
        if (email == null || !ParticipantRules.isSendable(email.strip())) {
            // The address itself stays out of the message: it reaches WARN/ERROR logs and the dead-letter reason.
            throw new InvalidRoomChangeException("not a usable email address" + (id == null ? "" : " (user " + id + ")"));
        }
        email = email.strip().toLowerCase(Locale.ROOT);
        name = ParticipantRules.cleanName(name);
        name = name == null || name.isBlank() ? email : name;
        timeZone = validZone(timeZone);
    }

    public Person inZone(String zone) {
        return new Person(id, email, name, zone);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public boolean sameAddress(Person other) {
        return other != null && Objects.equals(email, other.email);
    }

    private static String validZone(String zone) {
        if (zone == null || zone.isBlank()) {
            return "UTC";
        }
        try {
            return ZoneId.of(zone.strip()).getId();
        } catch (DateTimeException e) {
            return "UTC";
        }
    }
}
