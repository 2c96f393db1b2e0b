package io.schedulr.calendarsync.adapter.out.google;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.util.Data;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.EventReminder;
import com.google.api.services.calendar.model.Events;
import io.schedulr.calendarsync.application.GoogleEventChangedException;
import io.schedulr.calendarsync.application.GoogleUnavailableException;
import io.schedulr.calendarsync.application.RoomMirrorService;
import io.schedulr.calendarsync.application.port.out.CalendarEvents;
import io.schedulr.calendarsync.config.GoogleConfig;
import io.schedulr.calendarsync.domain.ObservedEvent;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Room events on the host's dedicated calendar through Google's Calendar v3 client. Each event carries the room id and
 * its iCalendar UID as private extended properties, and {@code iCalUID} = the room's UID, so Google's invitation and our
 * iCalendar email are one meeting. Changes are sent with {@code sendUpdates=all}, or {@code none} when the guest must not be
 * mailed (a change announced as a mirror failure, whose participants were emailed already). Short transient failures are retried
 * here; longer ones reach the caller as {@link GoogleUnavailableException}. Interviews are put under our own event id, without
 * attendees and with {@code sendUpdates=none}. Every event written carries its owner's reminders as popups
 * ({@code reminders.useDefault=false}, see {@link #popups}); when the owner's minutes change they are patched alone
 * ({@link #setReminders}, {@code sendUpdates=none}). A move is conditional on the event as it was looked up ({@code If-Match}
 * with its etag): a person's change in between is answered 412 and never written over.
 */
@ApplicationScoped
public class GoogleCalendarEvents implements CalendarEvents {
    private static final String SEND_UPDATES = "all";
    /**
     * Google tells nobody: events only their owner sees (interviews, whose invitations notification-service emails), room
     * changes announced as mirror failures (their participants were emailed already), and reminder changes (the owner's own).
     */
    private static final String QUIET = "none";

    @Inject
    GoogleConfig config;
    @Inject
    GoogleRequests requests;

    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = GoogleUnavailableException.class)
    @ExponentialBackoff
    public Optional<Found> find(String accessToken, String calendarId, String knownEventId, String roomId, String icsUid) {
        Calendar calendar = client(accessToken);
        try {
            if (knownEventId != null) {
                try {
                    Event known = calendar.events().get(calendarId, knownEventId).execute();
                    if (!"cancelled".equals(known.getStatus())) {
                        return Optional.of(found(known));
                    }
                } catch (GoogleJsonResponseException e) {
                    if (e.getStatusCode() != 404 && e.getStatusCode() != 410) {
                        throw e;
                    }
                }
            }
            return byRoom(calendar, calendarId, roomId, icsUid).map(GoogleCalendarEvents::found);
        } catch (IOException e) {
            // The known event's 404 was taken above; the listing's can only be the calendar's.
            throw GoogleFailures.onCalendar(calendarId, "finding the event of room " + roomId, e);
        }
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = GoogleUnavailableException.class)
    @ExponentialBackoff
    public Written insert(String accessToken, String calendarId, NewEvent event, boolean notifyGuest) {
        Calendar calendar = client(accessToken);
        Event body = new Event()
                .setICalUID(event.icsUid())
                .setSummary(event.summary())
                .setDescription(event.description())
                .setLocation(event.location())
                .setStart(time(event.startUtc(), event.timeZone()))
                .setEnd(time(event.endUtc(), event.timeZone()))
                .setExtendedProperties(new Event.ExtendedProperties().setPrivate(Map.of(
                        RoomMirrorService.ROOM_ID_PROPERTY, event.roomId(),
                        RoomMirrorService.ICS_UID_PROPERTY, event.icsUid())))
                .setReminders(popups(event.reminderMinutes()));
        if (event.guestEmail() != null) {
            body.setAttendees(List.of(new EventAttendee().setEmail(event.guestEmail()).setDisplayName(event.guestName())));
        }
        try {
            return written(calendar.events().insert(calendarId, body).setSendUpdates(sendUpdates(notifyGuest)).execute());
        } catch (GoogleJsonResponseException e) {
            if (e.getStatusCode() == 409) {
                // Already there (an earlier attempt whose answer was lost): that is the room's event, stamped as found when it
                // shows what we wrote.
                try {
                    Optional<Found> existing = byRoom(calendar, calendarId, event.roomId(), event.icsUid()).map(GoogleCalendarEvents::found);
                    if (existing.isPresent()) {
                        ObservedEvent shown = existing.get().event();
                        return new Written(shown.eventId(), shown.shows(event.startUtc(), event.endUtc()) ? shown.updated() : null);
                    }
                } catch (IOException again) {
                    throw GoogleFailures.refusedOrUnavailable("finding the event of room " + event.roomId(), again);
                }
            }
            throw GoogleFailures.onCalendar(calendarId, "inserting the event of room " + event.roomId(), e);
        } catch (IOException e) {
            throw GoogleFailures.onCalendar(calendarId, "inserting the event of room " + event.roomId(), e);
        }
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = GoogleUnavailableException.class)
    @ExponentialBackoff
    public Written move(String accessToken, String calendarId, Found event, Move move, boolean notifyGuest) {
        String eventId = event.eventId();
        try {
            Calendar.Events.Patch patch = client(accessToken).events()
                    .patch(calendarId, eventId, new Event().setStart(timeReplacingDate(move.startUtc(), move.timeZone()))
                            .setEnd(timeReplacingDate(move.endUtc(), move.timeZone())).setDescription(move.description())
                            .setLocation(move.location()))
                    .setSendUpdates(sendUpdates(notifyGuest));
            if (event.etag() != null) {
                patch.setRequestHeaders(new HttpHeaders().setIfMatch(event.etag()));
            }
            return new Written(eventId, ObservedEvents.updated(patch.execute()));
        } catch (HttpResponseException e) {
            if (e.getStatusCode() == 412) {
                throw new GoogleEventChangedException("moving event " + eventId + ": it changed in Google since it was looked up (412)", e);
            }
            throw GoogleFailures.refusedOrUnavailable("moving event " + eventId, e);
        } catch (IOException e) {
            throw GoogleFailures.refusedOrUnavailable("moving event " + eventId, e);
        }
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = GoogleUnavailableException.class)
    @ExponentialBackoff
    public boolean delete(String accessToken, String calendarId, String eventId, boolean notifyGuest) {
        try {
            client(accessToken).events().delete(calendarId, eventId).setSendUpdates(sendUpdates(notifyGuest)).execute();
            return true;
        } catch (HttpResponseException e) {
            if (e.getStatusCode() == 404 || e.getStatusCode() == 410) {
                return false;
            }
            throw GoogleFailures.refusedOrUnavailable("deleting event " + eventId, e);
        } catch (IOException e) {
            throw GoogleFailures.refusedOrUnavailable("deleting event " + eventId, e);
        }
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = GoogleUnavailableException.class)
    @ExponentialBackoff
    public void put(String accessToken, String calendarId, String eventId, OwnEvent event) {
        Calendar calendar = client(accessToken);
        Event body = new Event()
                .setId(eventId)
                .setStatus(event.tentative() ? "tentative" : "confirmed")
                .setSummary(event.summary())
                .setDescription(event.description())
                .setLocation(event.location())
                .setStart(time(event.startUtc(), event.timeZone()))
                .setEnd(time(event.endUtc(), event.timeZone()))
                .setExtendedProperties(new Event.ExtendedProperties().setPrivate(event.privateProperties()))
                .setReminders(popups(event.reminderMinutes()));
        try {
            try {
                calendar.events().insert(calendarId, body).setSendUpdates(QUIET).execute();
            } catch (GoogleJsonResponseException e) {
                if (e.getStatusCode() == 404) {
                    throw GoogleFailures.onCalendar(calendarId, "putting event " + eventId, e);
                }
                if (e.getStatusCode() != 409) {
                    throw e;
                }
                // The id exists: an earlier change, an attempt whose answer was lost, or a deleted event (which Google keeps,
                // and which this replaces and shows again).
                calendar.events().update(calendarId, eventId, body).setSendUpdates(QUIET).execute();
            }
        } catch (IOException e) {
            throw GoogleFailures.refusedOrUnavailable("putting event " + eventId, e);
        }
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = GoogleUnavailableException.class)
    @ExponentialBackoff
    public boolean remove(String accessToken, String calendarId, String eventId) {
        try {
            client(accessToken).events().delete(calendarId, eventId).setSendUpdates(QUIET).execute();
            return true;
        } catch (HttpResponseException e) {
            if (e.getStatusCode() == 404 || e.getStatusCode() == 410) {
                return false;
            }
            throw GoogleFailures.refusedOrUnavailable("deleting event " + eventId, e);
        } catch (IOException e) {
            throw GoogleFailures.refusedOrUnavailable("deleting event " + eventId, e);
        }
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = GoogleUnavailableException.class)
    @ExponentialBackoff
    public boolean setReminders(String accessToken, String calendarId, String eventId, List<Integer> minutes) {
        try {
            // Only reminders in the body: a patch changes nothing else; an empty overrides list is sent as [] (none).
            client(accessToken).events().patch(calendarId, eventId, new Event().setReminders(popups(minutes)))
                    .setSendUpdates(QUIET).execute();
            return true;
        } catch (HttpResponseException e) {
            if (e.getStatusCode() == 404 || e.getStatusCode() == 410) {
                return false;
            }
            throw GoogleFailures.refusedOrUnavailable("setting the reminders of event " + eventId, e);
        } catch (IOException e) {
            throw GoogleFailures.refusedOrUnavailable("setting the reminders of event " + eventId, e);
        }
    }

    private static Optional<Event> byRoom(Calendar calendar, String calendarId, String roomId, String icsUid) throws IOException {
        Events found = calendar.events().list(calendarId)
                .setPrivateExtendedProperty(List.of(RoomMirrorService.ROOM_ID_PROPERTY + "=" + roomId,
                        RoomMirrorService.ICS_UID_PROPERTY + "=" + icsUid))
                .setShowDeleted(false)
                .execute();
        if (found.getItems() == null) {
            return Optional.empty();
        }
        return found.getItems().stream().filter(e -> !"cancelled".equals(e.getStatus())).findFirst();
    }

    /**
     * The owner's reminders: on-screen only, at their minutes, instead of the calendar's defaults. Never {@code email}:
     * notification-service emails reminders, so Google must not send a second one.
     */
    static Event.Reminders popups(List<Integer> minutes) {
        return new Event.Reminders().setUseDefault(false)
                .setOverrides(minutes.stream().map(m -> new EventReminder().setMethod("popup").setMinutes(m)).toList());
    }

    private static String sendUpdates(boolean notifyGuest) {
        return notifyGuest ? SEND_UPDATES : QUIET;
    }

    private static EventDateTime time(Instant instant, String timeZone) {
        return new EventDateTime().setDateTime(DateTime.parseRfc3339(instant.toString())).setTimeZone(timeZone);
    }

    /**
     * A time for events.patch, which merges the start and end objects field by field: {@code date} is sent as null, so an
     * event the host made a whole-day one becomes a timed one again rather than holding both.
     */
    private static EventDateTime timeReplacingDate(Instant instant, String timeZone) {
        return time(instant, timeZone).setDate(Data.nullOf(DateTime.class));
    }

    private static Written written(Event event) {
        return new Written(event.getId(), ObservedEvents.updated(event));
    }

    private static Found found(Event event) {
        return new Found(ObservedEvents.of(event), event.getEtag());
    }

    private Calendar client(String accessToken) {
        return GoogleFailures.calendar(config, requests, accessToken);
    }
}
