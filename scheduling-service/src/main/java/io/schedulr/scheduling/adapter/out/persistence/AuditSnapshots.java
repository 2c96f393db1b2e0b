package io.schedulr.scheduling.adapter.out.persistence;

import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.Slot;

import java.time.Instant;
import java.util.UUID;

/** The JSON kept in audit_log.before/after, with the API's field names, so operators can query it. */
final class AuditSnapshots {
    private AuditSnapshots() {
    }

    record Room(UUID id, String hostId, String guestId, String stage, String roomUrl, boolean privateRoom,
                String offeredTo, Instant createdAt, Instant datetimeUtc, Instant endsAt, UUID icsUid, int icsSequence, long version) {
    }

    record SlotState(UUID id, String hostId, Instant startTs, Instant endTs, String status, UUID roomId, Instant createdAt,
                     Instant updatedAt, long version) {
    }

    static Room of(PracticeRoom r) {
        return r == null ? null : new Room(r.id().value(), r.hostId(), r.guestId(), r.stage(), r.roomUrl(), r.privateRoom(),
                r.offeredTo(), r.createdAt(), r.window().start(), r.window().end(), r.icsUid(), r.icsSequence(), r.version());
    }

    static SlotState of(Slot s) {
        return s == null ? null : new SlotState(s.id().value(), s.hostId(), s.window().start(), s.window().end(), s.status().label(),
                s.roomId() == null ? null : s.roomId().value(), s.createdAt(), s.updatedAt(), s.version());
    }
}
