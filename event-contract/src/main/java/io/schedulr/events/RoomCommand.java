package io.schedulr.events;

import java.time.Instant;

/**
 * Payload ({@code data}) of a command to scheduling-service from a change a person made in Google Calendar (topic
 * {@link Topics#ROOM_COMMANDS}, keyed by room id). scheduling-service runs it through its own use cases as
 * {@code actorId}, so the usual rules, events, audit and notifications apply.
 *
 * @param actorId    who made the change in Google: the host (move, delete) or the guest (decline)
 * @param newStart   the new start (reschedule only)
 * @param newEnd     the new end (reschedule only)
 * @param sequence   the room's invitation SEQUENCE the change was made against; a command for an older state is stale
 * @param observedAt when calendar-sync-service saw the change in Google
 */
public record RoomCommand(String roomId, String icsUid, String actorId, Instant newStart, Instant newEnd, int sequence,
                          Instant observedAt) {
}
