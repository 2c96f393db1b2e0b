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

/**
 * A host offers a session: the calendar gate first, then the video room (outside the transaction), then room, round 1,
 * event and audit together.
 */
public class CreateRoomService implements CreateRoomUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final SaveRoomPort rooms;
    private final VideoRoomProvider video;
    private final RoomChangeRecorder changes;
    private final CalendarGate gate;
    private final Duration sessionLength;
    private final Clock clock;

    public CreateRoomService(UnitOfWork tx, UserDirectoryPort users, SaveRoomPort rooms, VideoRoomProvider video,
                             RoomChangeRecorder changes, CalendarGate gate, Duration sessionLength, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.rooms = rooms;
        this.video = video;
        this.changes = changes;
        this.gate = gate;
        this.sessionLength = sessionLength;
        this.clock = clock;
    }

    @Override
    public Uni<RoomDetails> create(CreateRoomCommand command) {
        Instant now = clock.instant();
        TimeWindow window = TimeWindow.starting(command.start(), sessionLength).requireFuture(now);
        RoomId id = RoomId.random();
        // Checked before the video room is made: a refused host or offer leaves no room behind at the provider.
        PracticeRoom.requireOfferable(command.host().id(), command.privateRoom(), command.offerTo());
        return gate.requireConnected(tx, command.host().id())
                .chain(() -> video.createRoom(id.value()))
                .chain(url -> tx.inTransaction(() -> users.upsert(command.host())
                        .chain(host -> rooms.insert(PracticeRoom.offer(id, host.id(), window, command.privateRoom(), command.offerTo(), url, now)))
                        .chain(room -> changes.record(command.host().id(), RoomChangeType.CREATED, now, null, room))));
    }
}
