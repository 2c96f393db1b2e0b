package io.schedulr.notification.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A booked room or a scheduled interview as reminders see it: when, what, where to join and who takes part.
 *
 * @param key     {@code room:<roomId>} or {@code interview:<interviewId>}
 * @param icsUid  the meeting's invitation UID: a room booked again after its guest left is a new meeting under a new UID
 * @param joinUrl an absolute http(s) link, or null
 * @param people  everyone taking part with a mailable address, one entry per address, the organizer (host, primary
 *                interviewer) first
 */
public record ReminderSession(String key, String icsUid, int sequence, String title, Instant start, Instant end, String joinUrl,
                              List<SessionParticipant> people) {
    public static final String ROOM_PREFIX = "room:";

    public ReminderSession {
        if (key == null || key.isBlank() || icsUid == null || icsUid.isBlank()) {
            throw new InvalidRoomChangeException("a reminder session needs a key and a UID");
        }
        if (start == null || end == null || !end.isAfter(start)) {
            throw new InvalidRoomChangeException("session " + key + " needs a start before its end");
        }
        List<SessionParticipant> distinct = new ArrayList<>();
        for (SessionParticipant p : people == null ? List.<SessionParticipant>of() : people) {
            if (p != null && distinct.stream().noneMatch(d -> d.person().sameAddress(p.person()))) {
                distinct.add(p);
            }
        }
        people = List.copyOf(distinct);
        // As PostgreSQL stores them, so a due time computed again compares equal to the stored one.
        start = start.truncatedTo(ChronoUnit.MICROS);
        end = end.truncatedTo(ChronoUnit.MICROS);
        title = title == null || title.isBlank() ? "Session" : title.strip();
    }

    public static String roomKey(String roomId) {
        return ROOM_PREFIX + roomId;
    }

    /**
     * The session with each person's zone replaced by the one they chose ({@link ReminderPreference#timeZone()}), so their
     * reminders say the times they read even when the session's event was written before their choice; people with no
     * chosen zone keep the event's.
     */
    public ReminderSession inChosenZones(Map<String, ReminderPreference> preferences) {
        List<SessionParticipant> zoned = people.stream().map(p -> {
            ReminderPreference preference = p.person().id() == null ? null : preferences.get(p.person().id());
            return preference == null || preference.timeZone() == null ? p
                    : new SessionParticipant(p.person().inZone(preference.timeZone()), p.role());
        }).toList();
        return zoned.equals(people) ? this : new ReminderSession(key, icsUid, sequence, title, start, end, joinUrl, zoned);
    }

    public Optional<SessionParticipant> participant(String email) {
        return people.stream().filter(p -> p.person().email().equals(email)).findFirst();
    }

    /** Everyone but the one with this address. */
    public List<SessionParticipant> othersThan(String email) {
        return people.stream().filter(p -> !p.person().email().equals(email)).toList();
    }
}
