package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.CreateRoomCommand;
import io.schedulr.scheduling.application.port.in.CreateRoomUseCase;
import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.application.port.out.AppendOutboxPort;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.SaveRoomPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.application.port.out.VideoRoomProvider;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomChangeType;
import io.schedulr.scheduling.domain.Timestamps;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A host offers a session: video room first (outside the transaction), then room, round 1, event and audit together. */
public class CreateRoomService implements CreateRoomUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final SaveRoomPort rooms;
    private final RoomEventPublisher events;
    private final VideoRoomProvider video;
    private final Clock clock;

    public CreateRoomService(UnitOfWork tx, UserDirectoryPort users, SaveRoomPort rooms, AppendOutboxPort outbox,
                             AuditTrailPort audit, VideoRoomProvider video, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.rooms = rooms;
        this.events = new RoomEventPublisher(users, outbox, audit);
        this.video = video;
        this.clock = clock;
    }

    @Override
    public Uni<RoomDetails> create(CreateRoomCommand command) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant start = Timestamps.requireFuture("datetimeUtc", command.datetimeUtc().truncatedTo(ChronoUnit.MICROS), now);
        UUID roomId = UUID.randomUUID();
        return video.createRoom(roomId, start, command.privateRoom())
                .chain(url -> tx.inTransaction(() -> users.upsert(command.actor())
                        .chain(host -> rooms.insertWithFirstRound(new PracticeRoom(roomId, host.id(), null, null, url,
                                command.privateRoom(), now, start, UUID.randomUUID(), 0, 0, null)))
                        .chain(room -> events.publish(command.actor().id(), RoomChangeType.CREATED, now, null, room))));
    }
}
