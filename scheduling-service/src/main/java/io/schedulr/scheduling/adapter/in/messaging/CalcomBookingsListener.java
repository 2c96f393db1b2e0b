package io.schedulr.scheduling.adapter.in.messaging;

import io.schedulr.events.BookingEvent;
import io.schedulr.events.BookingEventType;
import io.schedulr.events.BookingPerson;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.MalformedEventException;
import io.schedulr.scheduling.domain.interview.MeetingProviders;
import io.schedulr.scheduling.domain.interview.PlainText;
import io.schedulr.scheduling.application.port.in.interview.ApplyCalcomBookingUseCase;
import io.schedulr.scheduling.domain.DomainException;
import io.schedulr.scheduling.domain.interview.CalcomBookingChange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Moves interviews by what Cal.com announced, from calcom-gateway's {@code calcom.booking-events.v1} (channel
 * {@code calcom-bookings}: one shared consumer group, from the earliest record, offsets committed once handled). A record
 * that is not a valid booking event is logged and skipped, so one bad record never holds up the others; a passing
 * failure (the database is unreachable, a lost race) is retried with back-off, so no change is lost. Redelivered and
 * out-of-order changes are harmless: the interview decides by Cal.com's sequence and its own state.
 */
@ApplicationScoped
public class CalcomBookingsListener {
    private static final Logger LOG = Logger.getLogger(CalcomBookingsListener.class);
    /** Where calcom-gateway puts our interview id in a booking's metadata. */
    static final String INTERVIEW_ID = "schedulrInterviewId";

    @Inject
    ApplyCalcomBookingUseCase bookings;

    @Incoming("calcom-bookings")
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        CalcomBookingChange change;
        try {
            change = toChange(EventCodec.decodeBookingEvent(record.value()));
        } catch (MalformedEventException | DomainException | IllegalArgumentException e) {
            LOG.warnf("calcom bookings: skipping %s: %s", RecordAttempts.at(record), e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return RecordAttempts.untilSettled(LOG, "calcom bookings", record, () -> bookings.apply(change),
                result -> LOG.infof("calcom bookings: %s %s of booking %s (meeting %s, sequence %d) → interview %s: %s%s", RecordAttempts.at(record),
                        change.kind(), change.uid(), change.icalUid(), change.calcomSequence(), result.interviewId(), result.change(),
                        result.recorded() ? " (recorded: not booked through Schedulr)" : ""));
    }

    static CalcomBookingChange toChange(CloudEvent<BookingEvent> event) {
        BookingEvent b = event.data();
        BookingEventType type = BookingEventType.fromCloudEventType(event.type())
                .orElseThrow(() -> new MalformedEventException("unknown booking event type " + event.type()));
        if (b.start() == null || b.end() == null || !b.end().isAfter(b.start())) {
            throw new MalformedEventException("booking " + b.uid() + " has no start and end in order");
        }
        CalcomBookingChange.Kind kind = switch (type) {
            case BOOKING_CREATED -> CalcomBookingChange.Kind.CREATED;
            case BOOKING_RESCHEDULED -> CalcomBookingChange.Kind.RESCHEDULED;
            case BOOKING_CANCELLED -> CalcomBookingChange.Kind.CANCELLED;
            case BOOKING_REQUESTED -> CalcomBookingChange.Kind.REQUESTED;
        };
        List<CalcomBookingChange.Person> people = new ArrayList<>();
        if (b.organizer() != null) {
            people.add(person(b.organizer()));
        }
        if (b.attendees() != null) {
            b.attendees().stream().filter(p -> p != null).forEach(p -> people.add(person(p)));
        }
        // Texts typed on Cal.com's booking page go to people's calendars and mails: no control characters (a NUL
        // could not even be stored).
        String reason = PlainText.cleaned(b.cancellationReason());
        return new CalcomBookingChange(kind, interviewId(b), b.icalUid(), b.sequence(), b.uid(), b.previousUid(), PlainText.cleaned(b.title()),
                b.start(), b.end(),
                b.meetingUrl(), MeetingProviders.of(b.location(), b.meetingUrl()), reason, b.requestReschedule(), people);
    }

    private static UUID interviewId(BookingEvent b) {
        String value = b.metadata() == null ? null : b.metadata().get(INTERVIEW_ID);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static CalcomBookingChange.Person person(BookingPerson p) {
        return new CalcomBookingChange.Person(PlainText.cleaned(p.name()), p.email(), p.timeZone());
    }
}
