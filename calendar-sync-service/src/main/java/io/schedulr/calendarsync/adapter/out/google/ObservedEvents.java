package io.schedulr.calendarsync.adapter.out.google;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import io.schedulr.calendarsync.application.RoomMirrorService;
import io.schedulr.calendarsync.domain.ObservedEvent;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A Google event as the application judges it, whether a sync listed it or the mirror worker looked it up. */
final class ObservedEvents {
    private ObservedEvents() {
    }

    static ObservedEvent of(Event event) {
        String roomId = null;
        if (event.getExtendedProperties() != null && event.getExtendedProperties().getPrivate() != null) {
            roomId = event.getExtendedProperties().getPrivate().get(RoomMirrorService.ROOM_ID_PROPERTY);
        }
        Set<String> declined = event.getAttendees() == null ? Set.of() : event.getAttendees().stream()
                .filter(a -> "declined".equals(a.getResponseStatus()) && a.getEmail() != null)
                .map(a -> a.getEmail().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        return new ObservedEvent(event.getId(), roomId, "cancelled".equals(event.getStatus()), instant(event.getStart()),
                instant(event.getEnd()), declined, updated(event));
    }

    static Instant updated(Event event) {
        return event.getUpdated() == null ? null : Instant.ofEpochMilli(event.getUpdated().getValue());
    }

    private static Instant instant(EventDateTime time) {
        if (time == null) {
            return null;
        }
        DateTime dateTime = time.getDateTime();
        return dateTime == null ? null : Instant.ofEpochMilli(dateTime.getValue());
    }
}
