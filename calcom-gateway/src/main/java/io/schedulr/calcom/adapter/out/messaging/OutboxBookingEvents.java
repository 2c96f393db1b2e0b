package io.schedulr.calcom.adapter.out.messaging;

import io.schedulr.calcom.application.port.out.BookingEventsPort;
import io.schedulr.calcom.domain.webhook.BookingChange;
import io.schedulr.calcom.domain.webhook.Person;
import io.schedulr.events.BookingEvent;
import io.schedulr.events.BookingEventType;
import io.schedulr.events.BookingPerson;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.Topics;
import io.schedulr.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/** Each booking change as a CloudEvent on {@link Topics#CALCOM_BOOKINGS}, keyed by the meeting's iCalUID, via the outbox. */
@ApplicationScoped
public class OutboxBookingEvents implements BookingEventsPort {
    static final String SOURCE = "/calcom-gateway";

    @Inject
    Outbox outbox;

    @Override
    public void announce(BookingChange change) {
        BookingEventType type = switch (change.kind()) {
            case CREATED -> BookingEventType.BOOKING_CREATED;
            case RESCHEDULED -> BookingEventType.BOOKING_RESCHEDULED;
            case CANCELLED -> BookingEventType.BOOKING_CANCELLED;
            case REQUESTED -> BookingEventType.BOOKING_REQUESTED;
        };
        outbox.append(Topics.CALCOM_BOOKINGS, change.icalUid(), CloudEvent.of(UUID.randomUUID().toString(), SOURCE, type.cloudEventType(),
                Instant.now(), change.icalUid(), toEvent(change)));
    }

    static BookingEvent toEvent(BookingChange c) {
        return new BookingEvent(c.icalUid(), c.sequence(), c.uid(), c.previousUid(), c.bookingId(), c.eventTypeId(), c.title(), c.status(),
                c.start(), c.end(), c.previousStart(), c.previousEnd(), person(c.organizer()),
                c.attendees().stream().map(OutboxBookingEvents::person).toList(), c.location(), c.meetingUrl(), c.metadata(),
                c.cancellationReason(), c.cancelledBy(), c.requestReschedule(), c.rescheduledBy(), c.emittedAt());
    }

    private static BookingPerson person(Person p) {
        return p == null ? null : new BookingPerson(p.name(), p.email(), p.timeZone());
    }
}
