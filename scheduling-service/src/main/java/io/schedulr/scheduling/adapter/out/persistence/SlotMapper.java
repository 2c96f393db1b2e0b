package io.schedulr.scheduling.adapter.out.persistence;

import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotId;
import io.schedulr.scheduling.domain.SlotStatus;
import io.schedulr.scheduling.domain.TimeWindow;

import java.util.Locale;

final class SlotMapper {
    private SlotMapper() {
    }

    static Slot toDomain(SlotEntity e) {
        return new Slot(new SlotId(e.id), e.hostId, new TimeWindow(e.startTs, e.endTs), status(e.status),
                e.roomId == null ? null : new RoomId(e.roomId), e.createdAt, e.updatedAt, e.version);
    }

    static SlotEntity toNewEntity(Slot slot) {
        SlotEntity e = new SlotEntity();
        e.id = slot.id().value();
        e.hostId = slot.hostId();
        e.createdAt = slot.createdAt();
        e.version = slot.version();
        copyChangeableFields(slot, e);
        return e;
    }

    static void copyChangeableFields(Slot slot, SlotEntity e) {
        e.startTs = slot.window().start();
        e.endTs = slot.window().end();
        e.status = status(slot.status());
        e.roomId = slot.roomId() == null ? null : slot.roomId().value();
        e.updatedAt = slot.updatedAt();
    }

    static SlotEntity.Status status(SlotStatus status) {
        return SlotEntity.Status.valueOf(status.name().toLowerCase(Locale.ROOT));
    }

    private static SlotStatus status(SlotEntity.Status status) {
        return SlotStatus.valueOf(status.name().toUpperCase(Locale.ROOT));
    }
}
