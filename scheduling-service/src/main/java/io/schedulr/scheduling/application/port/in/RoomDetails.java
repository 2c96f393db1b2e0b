package io.schedulr.scheduling.application.port.in;

import java.util.List;

import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.UserProfile;

/**
 * A room with the people in it, as use cases return it. {@code guest} is null while unbooked; {@code warnings} are what the
 * caller should know although the change was made (e.g. {@code calendar_unavailable}).
 */
public record RoomDetails(PracticeRoom room, UserProfile host, UserProfile guest, List<String> warnings) {
    public RoomDetails {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public RoomDetails(PracticeRoom room, UserProfile host, UserProfile guest) {
        this(room, host, guest, List.of());
    }

    public RoomDetails withWarnings(List<String> more) {
        return more.isEmpty() ? this : new RoomDetails(room, host, guest, more);
    }
}
