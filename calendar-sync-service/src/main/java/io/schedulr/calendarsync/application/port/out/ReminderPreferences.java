package io.schedulr.calendarsync.application.port.out;

import java.util.List;

/** Each person's reminder minutes, as scheduling-service last announced them. */
public interface ReminderPreferences {
    /** Minutes before a session, largest first (possibly none); the contract's defaults (60, 10) for a person never announced. */
    List<Integer> minutesOf(String userId);

    /** The person's preferences now (the whole state: it replaces what was stored). */
    void save(String userId, List<Integer> minutes, String channel, String eventId);
}
