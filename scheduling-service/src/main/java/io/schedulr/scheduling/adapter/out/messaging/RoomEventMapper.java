package io.schedulr.scheduling.adapter.out.messaging;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.Participant;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.scheduling.config.SchedulingConfig;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomChange;
import io.schedulr.scheduling.domain.UserProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Domain room changes → the shared Kafka contract (CloudEvents envelope + {@link RoomEvent}). */
@ApplicationScoped
public class RoomEventMapper {
    @Inject
    SchedulingConfig config;

    public CloudEvent<RoomEvent> toCloudEvent(RoomChange change) {
        PracticeRoom room = change.room();
        PracticeRoom before = change.before();
        RoomEvent data = new RoomEvent(room.id().toString(), room.icsUid().toString(), room.icsSequence(), room.window().start(),
                room.window().end(), config.room().title(), room.roomUrl(), room.privateRoom(), room.stage(),
                participant(change.host()), participant(change.guest()), room.offeredTo(),
                before == null ? null : before.privateRoom(), before == null ? null : before.offeredTo());
        return CloudEvent.of(change.eventId().toString(), config.events().source(), type(change).cloudEventType(),
                change.occurredAt(), room.id().toString(), data);
    }

    private static RoomEventType type(RoomChange change) {
        return switch (change.type()) {
            case CREATED -> RoomEventType.ROOM_CREATED;
            case UPDATED -> RoomEventType.ROOM_UPDATED;
            case BOOKED -> RoomEventType.ROOM_BOOKED;
            case RESCHEDULED -> RoomEventType.ROOM_RESCHEDULED;
            case CANCELLED -> RoomEventType.ROOM_CANCELLED;
            case RELEASED -> RoomEventType.ROOM_RELEASED;
            case DELETED -> RoomEventType.ROOM_DELETED;
        };
    }

    private static Participant participant(UserProfile user) {
        return user == null ? null : new Participant(user.id(), user.email(), user.displayName(), user.timeZone());
    }
}
