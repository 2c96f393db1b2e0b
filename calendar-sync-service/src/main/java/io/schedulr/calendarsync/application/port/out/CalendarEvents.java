package io.schedulr.calendarsync.application.port.out;

import io.schedulr.calendarsync.application.GoogleRejectedException;
import io.schedulr.calendarsync.application.GoogleUnavailableException;
import io.schedulr.calendarsync.domain.ObservedEvent;

import java.time.Instant;
import java.util.Optional;

/**
 * Events on a person's dedicated Google calendar. Every method throws {@link GoogleUnavailableException} when Google
 * cannot take the call now (throttling, 5xx, network) and {@link GoogleRejectedException} when it refuses it for good.
 */
public interface CalendarEvents {
    /** The live event of the room's meeting: the known one if it still exists, else one carrying its private properties. */
    Optional<Found> find(String accessToken, String calendarId, String knownEventId, String roomId, String icsUid);

    /**
     * Creates the event and answers it as written.
     *
     * @param notifyGuest Google mails the guest the invitation ({@code sendUpdates=all}); false: nobody is mailed
     *                    ({@code sendUpdates=none}), the guest was told otherwise
     */
    Written insert(String accessToken, String calendarId, NewEvent event, boolean notifyGuest);

    /**
     * Moves the event as it was found and sets its description and location; Google tells the guest when {@code notifyGuest}
     * ({@code sendUpdates=all}, else {@code none}). The write is conditional on the version found ({@code If-Match} with its
     * etag): {@link io.schedulr.calendarsync.application.GoogleEventChangedException} when a person changed the event since.
     */
    Written move(String accessToken, String calendarId, Found event, Move move, boolean notifyGuest);

    /**
     * What a move writes on a room's event.
     *
     * @param location the room's link (as for {@link NewEvent}); null when the room has none, which leaves the event's as it is
     */
    record Move(Instant startUtc, Instant endUtc, String timeZone, String description, String location) {
    }

    /**
     * Deletes the event; Google tells the guest when {@code notifyGuest} ({@code sendUpdates=all}, else {@code none}).
     * False when Google says it was already gone.
     */
    boolean delete(String accessToken, String calendarId, String eventId, boolean notifyGuest);

    /**
     * Puts an event under our own id ({@code sendUpdates=none}, no attendees: nobody is invited or told by Google):
     * inserted, or — when the id exists, also as a deleted event — replaced and shown again.
     */
    void put(String accessToken, String calendarId, String eventId, OwnEvent event);

    /** Deletes an event without telling anyone ({@code sendUpdates=none}); false when Google says it was already gone. */
    boolean remove(String accessToken, String calendarId, String eventId);

    /**
     * Sets the event's reminders to its owner's minutes, as popups ({@code reminders.useDefault=false}, see {@link OwnEvent}),
     * changing nothing else and telling nobody ({@code events.patch} with only {@code reminders}, {@code sendUpdates=none}).
     * False when Google says the event is gone (deleted meanwhile): there is nothing to set.
     */
    boolean setReminders(String accessToken, String calendarId, String eventId, java.util.List<Integer> minutes);

    /**
     * A live event as Google answered our look-up of it.
     *
     * @param event what it shows, as a sync would list it
     * @param etag  its version, for a write conditional on it; null when not known (then the write is not conditional)
     */
    record Found(ObservedEvent event, String etag) {
        public String eventId() {
            return event.eventId();
        }
    }

    /**
     * An event as Google answered our write of it.
     *
     * @param updated the event's {@code updated} after the write, by Google's clock; null when not known (an insert whose
     *                answer was lost, found again changed since)
     */
    record Written(String eventId, Instant updated) {
    }

    /**
     * An event only its calendar's owner sees, marked with our private properties (key ≤ 44 characters).
     *
     * @param tentative       Google shows it as tentative (its {@code status}), not confirmed
     * @param reminderMinutes the owner's reminders: on-screen (popup) ones this many minutes before, never Google's
     *                        defaults and never email (notification-service emails reminders); empty: none
     */
    record OwnEvent(String summary, String description, String location, Instant startUtc, Instant endUtc, String timeZone,
                    boolean tentative, java.util.Map<String, String> privateProperties, java.util.List<Integer> reminderMinutes) {
        public OwnEvent {
            reminderMinutes = java.util.List.copyOf(reminderMinutes);
        }
    }

    /**
     * A room's event on its host's calendar.
     *
     * @param location        the room's link, which Google shows as the event's place (a link people open to join); null
     *                        when the room has none
     * @param reminderMinutes the host's reminders, as for {@link OwnEvent}; the guest's copy follows the guest's own Google
     *                        defaults (an organizer cannot set an attendee's reminders)
     */
    record NewEvent(String roomId, String icsUid, String summary, String description, String location, Instant startUtc, Instant endUtc,
                    String timeZone, String guestEmail, String guestName, java.util.List<Integer> reminderMinutes) {
        public NewEvent {
            reminderMinutes = java.util.List.copyOf(reminderMinutes);
        }
    }
}
