package io.schedulr.scheduling.adapter.out.persistence;

import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.UserProfile;

final class RoomMapper {
    private RoomMapper() {
    }

    static PracticeRoom toDomain(PracticeRoomEntity e) {
        return new PracticeRoom(e.id, e.hostId, e.guestId, e.stage, e.roomUrl, e.privateRoom, e.createdAt, e.datetimeUtc,
                e.icsUid, e.icsSequence, e.version, e.endsAt);
    }

    static PracticeRoomEntity toEntity(PracticeRoom r) {
        PracticeRoomEntity e = new PracticeRoomEntity();
        e.id = r.id();
        e.hostId = r.hostId();
        e.guestId = r.guestId();
        e.stage = r.stage();
        e.roomUrl = r.roomUrl();
        e.privateRoom = r.privateRoom();
        e.createdAt = r.createdAt();
        e.datetimeUtc = r.datetimeUtc();
        e.icsUid = r.icsUid();
        e.icsSequence = r.icsSequence();
        e.version = r.version();
        e.endsAt = r.endsAt();
        return e;
    }

    static UserProfile toDomain(UserEntity e) {
        return new UserProfile(e.id, e.email, e.displayName, e.timeZone);
    }
}
