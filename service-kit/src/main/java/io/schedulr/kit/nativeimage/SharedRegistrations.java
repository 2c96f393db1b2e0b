package io.schedulr.kit.nativeimage;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native mode (issue 17): the shared classes Jackson binds reflectively in every service — the event contract's
 * records and enums (Kafka payloads, written by the outbox relays with {@code EventCodec} and read back by the
 * consumers), the topic catalogue records, and service-kit's own JSON bodies. Quarkus finds this annotation because
 * service-kit carries a Jandex index. Each service's {@code NativeRegistrationsTest} fails when a class Jackson binds
 * is missing here or in the service's own {@code NativeRegistrations}.
 */
@RegisterForReflection(targets = {
        io.schedulr.events.BookingEvent.class,
        io.schedulr.events.BookingEventType.class,
        io.schedulr.events.BookingPerson.class,
        io.schedulr.events.CalendarConnectionEvent.class,
        io.schedulr.events.CalendarConnectionEventType.class,
        io.schedulr.events.CloudEvent.class,
        io.schedulr.events.InterviewEvent.class,
        io.schedulr.events.InterviewEventType.class,
        io.schedulr.events.InterviewPerson.class,
        io.schedulr.events.InterviewPerson.Kind.class,
        io.schedulr.events.Participant.class,
        io.schedulr.events.RoomCommand.class,
        io.schedulr.events.RoomCommandType.class,
        io.schedulr.events.RoomEvent.class,
        io.schedulr.events.RoomEventType.class,
        io.schedulr.events.RoomMirrorFailure.class,
        io.schedulr.events.ReminderPreferencesEvent.class,
        io.schedulr.events.TopicCatalog.Consumer.class,
        io.schedulr.events.TopicCatalog.Entry.class,
        io.schedulr.events.TopicCatalog.EventType.class,
        io.schedulr.kit.rest.ApiError.class,
        io.schedulr.kit.security.Caller.class
})
public final class SharedRegistrations {
    private SharedRegistrations() {
    }
}
