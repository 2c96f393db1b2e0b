package io.schedulr.scheduling.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A domain event: the room as it is after the change, with the people involved, so consumers never call back.
 *
 * @param guest  null while nobody booked the room
 * @param before the room before the change (who could see it then), null for a new room
 */
public record RoomChange(UUID eventId, RoomChangeType type, Instant occurredAt, PracticeRoom room, UserProfile host,
                         UserProfile guest, PracticeRoom before) {
}
