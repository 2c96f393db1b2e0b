package io.schedulr.scheduling.adapter.out.persistence;

import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.TimeWindow;

final class RoomMapper {
    private RoomMapper() {
    }

    static PracticeRoom toDomain(PracticeRoomEntity e) {
        return new PracticeRoom(new RoomId(e.id), e.hostId, e.guestId, e.stage, e.roomUrl, e.privateRoom, e.offeredTo, e.createdAt,
                new TimeWindow(e.datetimeUtc, e.endsAt), e.icsUid, e.icsSequence, e.version, e.earlierEventMayShow);
    }

    static PracticeRoomEntity toNewEntity(PracticeRoom r) {
        PracticeRoomEntity e = new PracticeRoomEntity();
        e.id = r.id().value();
        e.hostId = r.hostId();
        e.createdAt = r.createdAt();
        e.roomUrl = r.roomUrl();
        e.version = r.version();
        copyChangeableFields(r, e);
        return e;
    }

    /** What the room's behaviour can change after creation. */
    static void copyChangeableFields(PracticeRoom r, PracticeRoomEntity e) {
        e.guestId = r.guestId();
        e.stage = r.stage();
        e.privateRoom = r.privateRoom();
        e.offeredTo = r.offeredTo();
        e.datetimeUtc = r.window().start();
        e.endsAt = r.window().end();
        e.icsUid = r.icsUid();
        e.icsSequence = r.icsSequence();
        e.earlierEventMayShow = r.earlierEventMayShow();
    }
}
