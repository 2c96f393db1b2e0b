package io.schedulr.scheduling.adapter.in.messaging;

import io.schedulr.events.BookingEvent;
import io.schedulr.events.BookingEventType;
import io.schedulr.events.BookingPerson;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.MalformedEventException;
import io.schedulr.scheduling.domain.interview.MeetingProviders;
import io.schedulr.scheduling.application.port.in.interview.ApplyCalcomBookingUseCase;
import io.schedulr.scheduling.domain.ConcurrentChangeException;
import io.schedulr.scheduling.domain.DomainException;
import io.schedulr.scheduling.domain.interview.CalcomBookingChange;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;
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
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
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
            LOG.warnf("calcom bookings: skipping %s: %s", at(record), e.getMessage());
            return Uni.createFrom().voidItem();
        }
        // Hibernate Reactive must run on this record's Vert.x context, so a retry after a back-off goes back to it.
        Context context = Vertx.currentContext();
        Uni<ApplyCalcomBookingUseCase.Result> attempt = Uni.createFrom().deferred(() -> bookings.apply(change));
        if (context != null) {
            attempt = attempt.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return attempt
                .onFailure(CalcomBookingsListener::passing).invoke(e -> LOG.warnf("calcom bookings: %s failed (%s); retrying", at(record), e.toString()))
                .onFailure(CalcomBookingsListener::passing).retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).indefinitely()
                .invoke(result -> LOG.infof("calcom bookings: %s %s of booking %s (meeting %s, sequence %d) → interview %s: %s%s", at(record),
                        change.kind(), change.uid(), change.icalUid(), change.calcomSequence(), result.interviewId(), result.change(),
                        result.recorded() ? " (recorded: not booked through Schedulr)" : ""))
                .onFailure(DomainException.class).recoverWithItem(e -> {
                    LOG.warnf("calcom bookings: skipping %s: %s", at(record), e.getMessage());
                    return null;
                })
                .replaceWithVoid();
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
        };
        List<CalcomBookingChange.Person> people = new ArrayList<>();
        if (b.organizer() != null) {
            people.add(person(b.organizer()));
        }
        if (b.attendees() != null) {
            b.attendees().stream().filter(p -> p != null).forEach(p -> people.add(person(p)));
        }
        String reason = b.cancellationReason();
        return new CalcomBookingChange(kind, interviewId(b), b.icalUid(), b.sequence(), b.uid(), b.previousUid(), b.title(), b.start(), b.end(),
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
        return new CalcomBookingChange.Person(p.name(), p.email(), p.timeZone());
    }

    private static boolean passing(Throwable failure) {
        return !(failure instanceof DomainException) || failure instanceof ConcurrentChangeException;
    }

    private static String at(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
