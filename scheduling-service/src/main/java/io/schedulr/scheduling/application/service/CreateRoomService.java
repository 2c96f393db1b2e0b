package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.CreateRoomCommand;
import io.schedulr.scheduling.application.port.in.CreateRoomUseCase;
import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.application.port.out.SaveRoomPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.application.port.out.VideoRoomProvider;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomChangeType;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.TimeWindow;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A host offers a session: video room first (outside the transaction), then room, round 1, event and audit together. */
public class CreateRoomService implements CreateRoomUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final SaveRoomPort rooms;
    private final VideoRoomProvider video;
    private final RoomChangeRecorder changes;
    private final Duration sessionLength;
    private final Clock clock;

    public CreateRoomService(UnitOfWork tx, UserDirectoryPort users, SaveRoomPort rooms, VideoRoomProvider video,
                             RoomChangeRecorder changes, Duration sessionLength, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.rooms = rooms;
        this.video = video;
        this.changes = changes;
        this.sessionLength = sessionLength;
        this.clock = clock;
    }

    @Override
    public Uni<RoomDetails> create(CreateRoomCommand command) {
        Instant now = clock.instant();
        TimeWindow window = TimeWindow.starting(command.start(), sessionLength).requireFuture(now);
        RoomId id = RoomId.random();
        return video.createRoom(id.value(), window.start(), command.privateRoom())
                .chain(url -> tx.inTransaction(() -> users.upsert(command.host())
                        .chain(host -> rooms.insert(PracticeRoom.offer(id, host.id(), window, command.privateRoom(), command.offerTo(), url, now)))
                        .chain(room -> changes.record(command.host().id(), RoomChangeType.CREATED, now, null, room))));
    }
}
