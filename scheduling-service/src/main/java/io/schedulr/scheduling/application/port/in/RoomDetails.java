package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.UserProfile;

/** A room with the people in it, as use cases return it. {@code guest} is null while unbooked. */
public record RoomDetails(PracticeRoom room, UserProfile host, UserProfile guest) {
}
