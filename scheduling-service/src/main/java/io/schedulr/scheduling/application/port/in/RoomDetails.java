package io.schedulr.scheduling.application.port.in;

import java.util.List;

import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.UserProfile;

/**
 * A room with the people in it, as use cases return it. {@code guest} is null while unbooked; {@code offeredTo} is the
 * person a private room is offered to (null when none, or not known); {@code warnings} are what the caller should know
 * although the change was made (e.g. {@code calendar_unavailable}).
 */
public record RoomDetails(PracticeRoom room, UserProfile host, UserProfile guest, UserProfile offeredTo, List<String> warnings) {
    public RoomDetails {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public RoomDetails(PracticeRoom room, UserProfile host, UserProfile guest) {
        this(room, host, guest, null, List.of());
    }

    /** The room with its people looked up by id in {@code people} (a person not found there is null). */
    public static RoomDetails of(PracticeRoom room, java.util.Map<String, UserProfile> people) {
        return new RoomDetails(room, people.get(room.hostId()), room.guestId() == null ? null : people.get(room.guestId()),
                room.offeredTo() == null ? null : people.get(room.offeredTo()), List.of());
    }

    /** The ids {@link #of} looks up: host, guest and the person offered to, those there are. */
    public static java.util.stream.Stream<String> peopleOf(PracticeRoom room) {
        return java.util.stream.Stream.of(room.hostId(), room.guestId(), room.offeredTo()).filter(java.util.Objects::nonNull);
    }

    public RoomDetails withWarnings(List<String> more) {
        return more.isEmpty() ? this : new RoomDetails(room, host, guest, offeredTo, more);
    }
}
