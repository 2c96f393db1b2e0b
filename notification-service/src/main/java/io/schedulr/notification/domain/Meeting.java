package io.schedulr.notification.domain;

import java.time.Instant;

/**
 * The calendar event an invitation describes: one room, one host (organizer), one guest (attendee).
 *
 * @param icsUid   the iCalendar UID; one per meeting: it stays while the room is booked, rescheduled or cancelled,
 *                 and a room released by its guest is booked again under a new UID (a new meeting)
 * @param sequence the iCalendar SEQUENCE after the change
 * @param interview null for a room; for an interview, everyone taking part and what changed. An interview meeting is
 *                  filed under {@code roomId} = {@link InterviewDetails#key()} ({@code interview:<id>}), its organizer is
 *                  the primary interviewer, {@code attendee} the first other person (or the organizer when alone) and
 *                  {@code roomUrl} the join link
 */
public record Meeting(String roomId, String icsUid, int sequence, Instant start, Instant end, String title, String roomUrl,
                      Person organizer, Person attendee, InterviewDetails interview) {

    public Meeting(String roomId, String icsUid, int sequence, Instant start, Instant end, String title, String roomUrl,
                   Person organizer, Person attendee) {
        this(roomId, icsUid, sequence, start, end, title, roomUrl, organizer, attendee, null);
    }

    public Meeting {
        require(roomId, "roomId");
        require(icsUid, "icsUid");
        if (sequence < 0) {
            throw new InvalidRoomChangeException("sequence must not be negative, was " + sequence);
        }
        if (start == null || end == null || !end.isAfter(start)) {
            throw new InvalidRoomChangeException("room " + roomId + " needs a start before its end");
        }
        if (organizer == null) {
            throw new InvalidRoomChangeException("room " + roomId + " has no host");
        }
        if (attendee == null) {
            throw new InvalidRoomChangeException("room " + roomId + " has no guest");
        }
        title = title == null || title.isBlank() ? "Practice room" : title.strip();
        roomUrl = roomUrl == null || roomUrl.isBlank() ? null : roomUrl.strip();
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRoomChangeException("missing " + field);
        }
    }
}
