package io.schedulr.scheduling.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Time a host offers. Publishing a slot creates nothing else; booking it creates the practice room.
 *
 * @param roomId  set exactly when the slot is booked
 * @param version the stored version this state was read at (optimistic locking)
 */
public record Slot(SlotId id, String hostId, TimeWindow window, SlotStatus status, RoomId roomId, Instant createdAt,
                   Instant updatedAt, long version) {

    public Slot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(status, "status");
        if ((status == SlotStatus.BOOKED) != (roomId != null)) {
            throw new IllegalArgumentException("a slot has a room exactly when it is booked");
        }
    }

    /** New availability: in the future and of an allowed length. */
    public static Slot publish(String hostId, TimeWindow window, SlotRules rules, Instant now) {
        window.requireFuture(now);
        if (window.length().compareTo(rules.minLength()) < 0 || window.length().compareTo(rules.maxLength()) > 0) {
            throw new InvalidRequestException("invalid_slot_length",
                    "A slot lasts from " + rules.minLength().toMinutes() + " to " + rules.maxLength().toMinutes()
                            + " minutes; this one lasts " + window.length().toMinutes() + ".");
        }
        return new Slot(SlotId.random(), hostId, window, SlotStatus.OPEN, null, now, now, 0);
    }

    public boolean isHost(String userId) {
        return hostId.equals(userId);
    }

    /** Whether {@code guest} may book it now; throws the reason if not. */
    public void requireBookableBy(String guest, Instant now) {
        if (isHost(guest)) {
            throw new UnprocessableActionException("cannot_book_own_slot", "This is your own slot; someone else has to book it.");
        }
        if (status != SlotStatus.OPEN) {
            throw new SlotConflictException("slot_not_open", "This slot is " + status.label() + ".");
        }
        if (!window.startsAfter(now)) {
            throw new UnprocessableActionException("slot_in_past", "This slot has already started.");
        }
    }

    public Slot book(String guest, RoomId room, Instant now) {
        requireBookableBy(guest, now);
        return new Slot(id, hostId, window, SlotStatus.BOOKED, room, createdAt, now, version);
    }

    /**
     * Its room was moved: a booked slot stands for its session, so it takes the session's time. The time it was
     * offered at is free again (open slots may be published there).
     */
    public Slot movedWithRoom(TimeWindow roomWindow, Instant now) {
        if (status != SlotStatus.BOOKED) {
            throw new IllegalStateException("only a booked slot has a room to move with");
        }
        if (roomWindow.equals(window)) {
            return this;
        }
        return new Slot(id, hostId, roomWindow, status, roomId, createdAt, now, version);
    }

    /** The host withdraws it; a booked slot's room is deleted by the caller in the same transaction. */
    public Slot cancel(String actor, Instant now) {
        if (!isHost(actor)) {
            throw new ForbiddenActionException("not_slot_host", "Only the host can cancel a slot.");
        }
        if (status == SlotStatus.CANCELLED) {
            throw new SlotConflictException("slot_not_open", "This slot is already cancelled.");
        }
        return released(now);
    }

    /**
     * The guest left the session booked from it: its time is offered as this slot again (the caller deletes the room,
     * which stood only for the booking).
     */
    public Slot reopened(Instant now) {
        if (status != SlotStatus.BOOKED) {
            throw new IllegalStateException("only a booked slot is reopened when its guest leaves");
        }
        return new Slot(id, hostId, window, SlotStatus.OPEN, null, createdAt, now, version);
    }

    /** Its room is gone (the host deleted it): the slot is not offered again. */
    public Slot released(Instant now) {
        return new Slot(id, hostId, window, SlotStatus.CANCELLED, null, createdAt, now, version);
    }
}
