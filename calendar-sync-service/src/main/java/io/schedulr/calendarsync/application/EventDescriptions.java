package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.domain.RoomChange;
import io.schedulr.calendarsync.domain.RoomMirror;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The description of a room's Google event: how to join it and, after a change the host made in Google was undone, a
 * dated note saying why — where the host looks when their change did not stick.
 */
final class EventDescriptions {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm", Locale.ENGLISH);

    private EventDescriptions() {
    }

    /** @param putBack why the change undoes the host's edit in Google; null when it does not */
    static String of(RoomChange change, RoomMirror.PutBack putBack, Instant now) {
        String join = change.roomUrl() == null ? "Booked through Schedulr." : "Join the room: " + change.roomUrl();
        if (putBack == null) {
            return join;
        }
        ZoneId zone = zone(change.timeZone());
        String at = "(" + WHEN.format(now.atZone(zone)) + " " + zone.getId() + ")";
        String why = switch (putBack) {
            case LENGTH -> "Schedulr set this session back to its " + Duration.between(change.startUtc(), change.endUtc()).toMinutes()
                    + " minutes " + at + ": a session's length cannot be changed in Google Calendar.";
            case PAST -> "Schedulr put this session back at its time " + at + ": it cannot be moved to a time that has passed.";
            case NEWER_CHANGE -> "Schedulr put this session back at its time " + at + ": it was changed in Schedulr while you "
                    + "moved it here, and that change stands.";
            case WHOLE_DAY -> "Schedulr put this session back at its time " + at + ": a session has a start and an end time, "
                    + "it cannot be a whole-day event.";
        };
        return join + "\n\n" + why;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
